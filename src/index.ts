export { type InstrumentationLike, installTracing, type TracingOptions } from './capture/installTracing.ts';
export { SpanRecorder } from './capture/SpanRecorder.ts';
export { SpanStore, type StoreListener } from './capture/SpanStore.ts';
export type { SdkTracerProvider, SpanProcessorLike } from './capture/sdk/SdkTypes.ts';
export { TestTraces } from './capture/TestTraces.ts';
export { installedTracing, type Tracing } from './capture/tracingSlot.ts';
export type { AsymmetricMatcherLike } from './check/asymmetric.ts';
export type { CheckResult } from './check/CheckResult.ts';
// Timing: durations, order, overlap, containment, critical path, repeated spans (issue 4).
export { DEFAULT_CLOCK_RESOLUTION, DEFAULT_CLOCK_SKEW, type SkewOptions } from './check/clockSkew.ts';
export { compareSpan, type FieldComparison, spanMatches } from './check/compareSpan.ts';
export type { CountOptions } from './check/countExpectation.ts';
export type { DurationBounds } from './check/DurationBounds.ts';
export type { FailureMarks, HopMark, SpanMark } from './check/FailureMarks.ts';
export { type CriticalPathOptions, hasCriticalPath } from './check/hasCriticalPath.ts';
export { hasDuration } from './check/hasDuration.ts';
export { hasNoErrors } from './check/hasNoErrors.ts';
export { hasNoRepeatedSpans, type RepeatedSpansOptions } from './check/hasNoRepeatedSpans.ts';
export {
  type EdgeExpectation,
  hasServiceGraph,
  renderGraph,
  type ServiceGraphOptions,
} from './check/hasServiceGraph.ts';
export { hasSpan } from './check/hasSpan.ts';
export { hasSpanTree } from './check/hasSpanTree.ts';
export { brokenHops, type ConnectedOptions, isConnected } from './check/isConnected.ts';
export { isWithinParent } from './check/isWithinParent.ts';
export { type PropagationHop, propagates } from './check/propagates.ts';
export { diagnoseLostContext, type LostContextDiagnosis } from './check/propagation/diagnoseLostContext.ts';
export type { BrokenHop, Certainty, LostContextCause } from './check/propagation/LostContext.ts';
export type { PropagationEvidence } from './check/propagation/PropagationEvidence.ts';
export { isSpan, type TraceSource, type TracesLike, toSpan, toTraceSet } from './check/received.ts';
export { resolveSpans } from './check/resolveSpans.ts';
export { runsInParallel } from './check/runsInParallel.ts';
export { runsInSequence, type SequenceOptions } from './check/runsInSequence.ts';
export type {
  AttributeMatcher,
  EventExpectation,
  SpanExpectation,
  StatusExpectation,
  TextMatcher,
} from './check/SpanExpectation.ts';
export type { SpanRef } from './check/SpanRef.ts';
export type { ShapeNode, SpanShape, TreeShapeOptions } from './check/shape/SpanShape.ts';
export { type DeepShape, deep, type ShapeInput, span } from './check/shape/shapeBuilder.ts';
export { hasAttributes, hasEvent, hasParent, hasStatus, isRoot } from './check/spanChecks.ts';
export { checkOrder, type OrderRelation } from './check/spanOrder.ts';
export { spansWithinParents, type WithinParentsOptions } from './check/spansWithinParents.ts';
export { childGaps, type Gap } from './model/childGaps.ts';
export {
  type CriticalPath,
  type CriticalPathModelOptions,
  type CriticalSegment,
  criticalPath,
} from './model/criticalPath.ts';
export { type DurationInput, type DurationUnit, parseDuration } from './model/duration.ts';
export { fromReadableSpan, spanKindFromApi, statusCodeFromApi } from './model/fromReadableSpan.ts';
export type { Interval } from './model/Interval.ts';
export { overhang } from './model/overhang.ts';
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
export { sameClock } from './model/sameClock.ts';
export { selfTime } from './model/selfTime.ts';
export { type ServiceEdge, type ServiceGraph, serviceGraphOf } from './model/serviceGraph.ts';
export { Trace } from './model/Trace.ts';
export { TraceSet } from './model/TraceSet.ts';
export { formatDuration, type HrTime, hrTimeToNanos, nanosToMillis } from './model/time.ts';
export type { WireRecord } from './model/WireRecord.ts';
export type { B3Context, B3Sampling } from './propagation/B3Context.ts';
export type { B3MultiHeaders } from './propagation/B3MultiHeaders.ts';
export type { Baggage, BaggageEntry, BaggageProperty } from './propagation/Baggage.ts';
export { BAGGAGE_LIMITS } from './propagation/baggageLimits.ts';
export type { CarriedContext } from './propagation/CarriedContext.ts';
export type { CarriedIds } from './propagation/CarriedIds.ts';
export { formatB3Multi } from './propagation/formatB3Multi.ts';
export { formatB3Single } from './propagation/formatB3Single.ts';
export { formatBaggage } from './propagation/formatBaggage.ts';
export { formatJaeger } from './propagation/formatJaeger.ts';
export { formatJaegerBaggage } from './propagation/formatJaegerBaggage.ts';
export { formatTraceparent } from './propagation/formatTraceparent.ts';
export { formatTracestate } from './propagation/formatTracestate.ts';
export type { JaegerContext } from './propagation/JaegerContext.ts';
export { JaegerPropagator } from './propagation/JaegerPropagator.ts';
export type { InvalidHeader, ParseResult, ValidHeader } from './propagation/ParseResult.ts';
export { FORMAT_HEADERS, PROPAGATION_FORMATS, type PropagationFormat } from './propagation/PropagationFormat.ts';
export { parseB3Multi } from './propagation/parseB3Multi.ts';
export { parseB3Single } from './propagation/parseB3Single.ts';
export { parseBaggage } from './propagation/parseBaggage.ts';
export { parseJaeger } from './propagation/parseJaeger.ts';
export { JAEGER_BAGGAGE_PREFIX, parseJaegerBaggage } from './propagation/parseJaegerBaggage.ts';
export { parseTraceparent } from './propagation/parseTraceparent.ts';
export { parseTracestate, TRACESTATE_MAX_MEMBERS, tracestateKeyProblem } from './propagation/parseTracestate.ts';
export { propagationHeaderKind } from './propagation/propagationHeaderKind.ts';
export { readCarriedContext } from './propagation/readCarriedContext.ts';
export { readCarriedIds } from './propagation/readCarriedIds.ts';
export type { TraceParent } from './propagation/TraceParent.ts';
export type { TraceState, TraceStateMember } from './propagation/TraceState.ts';
export { find, matchesSelector } from './query/find.ts';
export { findOne } from './query/findOne.ts';
export { parseSelector } from './query/parseSelector.ts';
export { printSelector } from './query/printSelector.ts';
export type {
  AttributeFilter,
  Combinator,
  ComplexSelector,
  CompoundSelector,
  Filter,
  Operator,
  PseudoFilter,
  SelectorList,
  SelectorValue,
  SpanField,
} from './query/SelectorAst.ts';
export { SelectorSyntaxError } from './query/SelectorSyntaxError.ts';
export type { SelectorLike } from './query/toSelector.ts';
export { describeSpan } from './render/describeSpan.ts';
export type {
  OtlpAnyValue,
  OtlpKeyValue,
  OtlpResourceSpans,
  OtlpScopeSpans,
  OtlpSpan,
  OtlpTracesData,
} from './render/OtlpJson.ts';
export { renderTraceReport } from './render/renderTraceReport.ts';
export { renderTraces } from './render/renderTraces.ts';
export { type RenderTreeOptions, renderTree } from './render/renderTree.ts';
export { type RenderWaterfallOptions, renderWaterfall } from './render/renderWaterfall.ts';
export { toOtlpJson } from './render/toOtlpJson.ts';
export { type TraceFiles, writeTraceFiles } from './render/writeTraceFiles.ts';
export { defaultRedactions } from './snapshot/defaultRedactions.ts';
export { diffSnapshots, type SnapshotChange } from './snapshot/diffSnapshots.ts';
export { normalizeTraces } from './snapshot/normalizeTraces.ts';
export { parseSnapshot } from './snapshot/parseSnapshot.ts';
export type { RedactionRule } from './snapshot/RedactionRule.ts';
export { describeSnapshotSpan, renderSnapshot } from './snapshot/renderSnapshot.ts';
export { renderSnapshotDiff } from './snapshot/renderSnapshotDiff.ts';
export { reportRedactions } from './snapshot/reportRedactions.ts';
export type { KeyPattern, SnapshotOptions } from './snapshot/SnapshotOptions.ts';
export {
  isTraceSnapshot,
  type SnapshotAttribute,
  type SnapshotEvent,
  type SnapshotLink,
  type SnapshotSpan,
  type SnapshotTrace,
  type TraceSnapshot,
} from './snapshot/TraceSnapshot.ts';
