import { expect } from 'vitest';
import { tracespecMswMatchers } from './matchers/outbound.ts';
import { traceSnapshotMatchers } from './matchers/snapshot.ts';
import { tracespecMatchers } from './matchers/trace.ts';
import { traceSnapshotSerializer } from './traceSnapshotSerializer.ts';

export { defaultRedactions } from '../snapshot/defaultRedactions.ts';
export type { RedactionRule } from '../snapshot/RedactionRule.ts';
export type { KeyPattern, SnapshotOptions } from '../snapshot/SnapshotOptions.ts';
export type { TracespecMatchers } from './augment.ts';
export type { TracespecMswMatchers } from './augmentMsw.ts';
export type { TraceSnapshotMatchers } from './augmentSnapshot.ts';
export { it, type TracespecFixtures, test } from './fixtures.ts';
export { tracespecMswMatchers } from './matchers/outbound.ts';
export { traceSnapshotMatchers } from './matchers/snapshot.ts';
export { tracespecMatchers } from './matchers/trace.ts';
export type { OpenSpansPolicy } from './openSpans.ts';
export { type SetupTracingOptions, setupTracing, traces } from './setupTracing.ts';
export { configureTraceSnapshots } from './snapshotConfig.ts';
export { snapshotOf } from './snapshotOf.ts';
export type { TracesArtifact } from './TracesArtifact.ts';
export type { TimingMatchers } from './timingAugment.ts';
export { traceSnapshotSerializer } from './traceSnapshotSerializer.ts';

expect.extend(tracespecMatchers);
expect.addSnapshotSerializer(traceSnapshotSerializer);
expect.extend(traceSnapshotMatchers);
expect.extend(tracespecMswMatchers);
