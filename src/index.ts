// Public entry `tracespec`: the framework-free core. Matchers and fixtures are in `tracespec/vitest`, the
// collector in `tracespec/otlp`, header codecs in `tracespec/propagation`, outbound requests in `tracespec/msw`,
// services in containers in `tracespec/containers`, the reporter in `tracespec/reporter`.

// Recording spans in the test process.
export { type InstrumentationLike, installTracing, type TracingOptions } from './capture/installTracing.ts';
export { SpanRecorder } from './capture/SpanRecorder.ts';
export { SpanStore, type StoreListener } from './capture/SpanStore.ts';
export type { SdkTracerProvider, SpanProcessorLike } from './capture/sdk/SdkTypes.ts';
export type { TestTraces } from './capture/TestTraces.ts';
export { installedTracing, type Tracing } from './capture/tracingSlot.ts';
// Checks: the matchers as plain functions returning { pass, message }, for any test runner.
export type { CheckResult } from './check/CheckResult.ts';
// Secrets and conventions (docs/compliance.md).
export { findSensitiveData } from './check/compliance/findSensitiveData.ts';
export { hasNoSensitiveData } from './check/compliance/hasNoSensitiveData.ts';
export { isWellInstrumented } from './check/compliance/quality/isWellInstrumented.ts';
export type { QualityOptions, QualityRule } from './check/compliance/quality/QualityOptions.ts';
export type { PiiDetector, SecretFinder, SensitiveDataOptions } from './check/compliance/SensitiveDataOptions.ts';
export type { SensitiveFinding } from './check/compliance/SensitiveFinding.ts';
export type {
  ConventionRule,
  ConventionSignal,
  SpanRole,
  StabilityMode,
} from './check/compliance/semconv/ConventionRule.ts';
export { dbRules } from './check/compliance/semconv/dbRules.ts';
export { deprecatedRules } from './check/compliance/semconv/deprecatedRules.ts';
export { hasSemanticConventions } from './check/compliance/semconv/hasSemanticConventions.ts';
export { httpRules } from './check/compliance/semconv/httpRules.ts';
export { messagingRules } from './check/compliance/semconv/messagingRules.ts';
export { rpcRules } from './check/compliance/semconv/rpcRules.ts';
export type { SemanticConventionOptions } from './check/compliance/semconv/SemanticConventionOptions.ts';
export { stabilityFromEnv } from './check/compliance/semconv/stabilityFromEnv.ts';
// What matchers and checks take: partial spans, shapes, references, options.
export type { AsymmetricMatcherLike } from './check/expectation/asymmetric.ts';
export type { CountOptions } from './check/expectation/countExpectation.ts';
export type {
  AttributeMatcher,
  EventExpectation,
  SpanExpectation,
  StatusExpectation,
  TextMatcher,
} from './check/expectation/SpanExpectation.ts';
export type { SpanRef } from './check/expectation/SpanRef.ts';
export { hasAttributes } from './check/span/hasAttributes.ts';
export { hasEvent } from './check/span/hasEvent.ts';
export { hasParent } from './check/span/hasParent.ts';
export { hasStatus } from './check/span/hasStatus.ts';
export { isRoot } from './check/span/isRoot.ts';
export { DEFAULT_CLOCK_RESOLUTION, DEFAULT_CLOCK_SKEW, type SkewOptions } from './check/timing/clockSkew.ts';
export type { DurationBounds } from './check/timing/DurationBounds.ts';
export { type CriticalPathOptions, hasCriticalPath } from './check/timing/hasCriticalPath.ts';
export { hasDuration } from './check/timing/hasDuration.ts';
export { hasNoRepeatedSpans, type RepeatedSpansOptions } from './check/timing/hasNoRepeatedSpans.ts';
export { hasSpansWithinParents, type WithinParentsOptions } from './check/timing/hasSpansWithinParents.ts';
export { isOrdered, type OrderRelation } from './check/timing/isOrdered.ts';
export { isParallel } from './check/timing/isParallel.ts';
export { isSequential, type SequenceOptions } from './check/timing/isSequential.ts';
export { isWithinParent } from './check/timing/isWithinParent.ts';
export { hasNoErrors } from './check/trace/hasNoErrors.ts';
export { hasPropagation, type PropagationHop } from './check/trace/hasPropagation.ts';
export { type EdgeExpectation, hasServiceGraph, type ServiceGraphOptions } from './check/trace/hasServiceGraph.ts';
export { hasSpan } from './check/trace/hasSpan.ts';
export { hasSpanTree } from './check/trace/hasSpanTree.ts';
export { brokenHops, type ConnectedOptions, isConnected } from './check/trace/isConnected.ts';
// Why context was lost between services: the diagnosis behind isConnected, hasPropagation and hasServiceGraph.
export { diagnoseLostContext, type LostContextDiagnosis } from './check/trace/lostContext/diagnoseLostContext.ts';
export type { BrokenHop, Certainty, LostContextCause } from './check/trace/lostContext/LostContext.ts';
export type { PropagationEvidence } from './check/trace/lostContext/PropagationEvidence.ts';
export type { ShapeNode, SpanShape, TreeShapeOptions } from './check/trace/shape/SpanShape.ts';
export { deep, span } from './check/trace/shape/shapeBuilder.ts';
// Where the time went (docs/timing.md).
export { childGaps, type Gap } from './model/childGaps.ts';
export {
  type CriticalPath,
  type CriticalPathModelOptions,
  type CriticalSegment,
  criticalPath,
} from './model/criticalPath.ts';
// Spans and traces.
export type { DurationInput } from './model/duration.ts';
export type { FailureMarks, HopMark, SpanMark } from './model/FailureMarks.ts';
export { fromReadableSpan } from './model/fromReadableSpan.ts';
export type { ReadableSpanLike } from './model/ReadableSpanLike.ts';
export type {
  Attributes,
  AttributeValue,
  InstrumentationScope,
  Span,
  SpanEvent,
  SpanKind,
  SpanLink,
  SpanSource,
  SpanStatus,
  StatusCode,
} from './model/Span.ts';
export { selfTime } from './model/selfTime.ts';
export type { ServiceEdge, ServiceGraph } from './model/serviceGraph.ts';
export { Trace } from './model/Trace.ts';
export { TraceSet } from './model/TraceSet.ts';
export type { TracesLike } from './model/TracesLike.ts';
export { formatDuration } from './model/time.ts';
export type { WireRecord } from './model/WireRecord.ts';
// Finding spans with selectors (docs/selectors.md).
export { find, matchesSelector } from './query/find.ts';
export { findOne } from './query/findOne.ts';
export { parseSelector } from './query/parseSelector.ts';
export { printSelector } from './query/printSelector.ts';
export { SelectorSyntaxError } from './query/SelectorSyntaxError.ts';
export type { SelectorLike } from './query/toSelector.ts';

// Printing traces.
export { renderTraces } from './render/renderTraces.ts';
export { type RenderTreeOptions, renderTree } from './render/renderTree.ts';
export { type RenderWaterfallOptions, renderWaterfall } from './render/renderWaterfall.ts';

// Trace-shape snapshots for any runner (docs/snapshots.md; `tracespec/vitest` wires them into vitest).
export { defaultRedactions } from './snapshot/defaultRedactions.ts';
export { normalizeTraces } from './snapshot/normalizeTraces.ts';
export type { RedactionRule } from './snapshot/RedactionRule.ts';
export { renderSnapshot } from './snapshot/renderSnapshot.ts';
export type { KeyPattern, SnapshotOptions } from './snapshot/SnapshotOptions.ts';
export type { SecretDetector } from './snapshot/secrets/SecretDetector.ts';
export { secretDetectors } from './snapshot/secrets/secretDetectors.ts';
export type { TraceSnapshot } from './snapshot/TraceSnapshot.ts';

import { pointAtVitestMatchers } from './capture/pointAtVitestMatchers.ts';

// Under vitest without `import 'tracespec/vitest'`, a tracespec matcher says what to import.
pointAtVitestMatchers();
