// Public entry `tracespec/vitest`: importing it registers the matchers and the trace snapshot serializer.
import { expect } from 'vitest';
import { tracespecMatchers } from './matchers/tracespecMatchers.ts';
import { traceSnapshotSerializer } from './traceSnapshotSerializer.ts';

// Tree shapes for toHaveSpanTree, also here so that a vitest user finds them where the matcher is.
export type { ShapeNode, SpanShape } from '../check/trace/shape/SpanShape.ts';
export { deep, span } from '../check/trace/shape/shapeBuilder.ts';
// Failed tests' traces, as reporters read them.
export type { TracesArtifact } from '../reporter/TracesArtifact.ts';
// Trace-shape snapshots.
export { defaultRedactions } from '../snapshot/defaultRedactions.ts';
export type { RedactionRule } from '../snapshot/RedactionRule.ts';
export type { KeyPattern, SnapshotOptions } from '../snapshot/SnapshotOptions.ts';
// Setting up: the fixture, or the setup-file form.
export { it, type TracespecFixtures, test } from './fixtures.ts';
// Matchers (registered on import; the object is for a custom `expect`).
export { type TracespecMatchers, tracespecMatchers } from './matchers/tracespecMatchers.ts';
export type { OpenSpansPolicy } from './openSpans.ts';
export { type SetupTracingOptions, setupTracing, traces, useRecorder } from './setupTracing.ts';
export { configureTraceSnapshots } from './snapshotConfig.ts';
export { snapshotOf } from './snapshotOf.ts';
export { type InTrace, inTrace } from './subjects/inTrace.ts';
export { traceSnapshotSerializer } from './traceSnapshotSerializer.ts';

expect.extend(tracespecMatchers);
expect.addSnapshotSerializer(traceSnapshotSerializer);
