import { expect } from 'vitest';
import { tracespecMatchers } from './matchers.ts';
import { tracespecMswMatchers } from './mswMatchers.ts';

export type { TracespecMatchers } from './augment.ts';
export type { TracespecMswMatchers } from './augmentMsw.ts';
export { it, type TracespecFixtures, test } from './fixtures.ts';
export { tracespecMatchers } from './matchers.ts';
export { tracespecMswMatchers } from './mswMatchers.ts';
export type { OpenSpansPolicy } from './openSpans.ts';
export { type SetupTracingOptions, setupTracing, traces } from './setupTracing.ts';

expect.extend(tracespecMatchers);
expect.extend(tracespecMswMatchers);
