import { expect } from 'vitest';
import { tracespecMatchers } from './matchers.ts';
import { tracespecMswMatchers } from './mswMatchers.ts';
import { traceSnapshotMatchers } from './traceSnapshotMatchers.ts';
import { traceSnapshotSerializer } from './traceSnapshotSerializer.ts';

export { defaultRedactions } from '../snapshot/defaultRedactions.ts';
export type { RedactionRule } from '../snapshot/RedactionRule.ts';
export type { KeyPattern, SnapshotOptions } from '../snapshot/SnapshotOptions.ts';
export type { TracespecMatchers } from './augment.ts';
export type { TracespecMswMatchers } from './augmentMsw.ts';
export type { TraceSnapshotMatchers } from './augmentSnapshot.ts';
export { it, type TracespecFixtures, test } from './fixtures.ts';
export { tracespecMatchers } from './matchers.ts';
export { tracespecMswMatchers } from './mswMatchers.ts';
export type { OpenSpansPolicy } from './openSpans.ts';
export { type SetupTracingOptions, setupTracing, traces, useRecorder } from './setupTracing.ts';
export { configureTraceSnapshots } from './snapshotConfig.ts';
export { snapshotOf } from './snapshotOf.ts';
export type { TracesArtifact } from './TracesArtifact.ts';
export type { TimingMatchers } from './timingAugment.ts';
export { traceSnapshotMatchers } from './traceSnapshotMatchers.ts';
export { traceSnapshotSerializer } from './traceSnapshotSerializer.ts';

expect.extend(tracespecMatchers);
expect.addSnapshotSerializer(traceSnapshotSerializer);
expect.extend(traceSnapshotMatchers);
expect.extend(tracespecMswMatchers);
