export {
  type InstrumentationLike,
  installedTracing,
  installTracing,
  type Tracing,
  type TracingOptions,
  useRecorder,
} from './capture/installTracing.ts';
export { SpanRecorder } from './capture/SpanRecorder.ts';
export { SpanStore, type StoreListener } from './capture/SpanStore.ts';
export { TestTraces } from './capture/TestTraces.ts';
export type { AsymmetricMatcherLike } from './check/asymmetric.ts';
export type { CheckResult } from './check/CheckResult.ts';
export { compareSpan, type FieldComparison, spanMatches } from './check/compareSpan.ts';
export type { CountOptions } from './check/countExpectation.ts';
export { hasNoErrors } from './check/hasNoErrors.ts';
export {
  type EdgeExpectation,
  hasServiceGraph,
  renderGraph,
  type ServiceGraphOptions,
} from './check/hasServiceGraph.ts';
export { hasSpan } from './check/hasSpan.ts';
export { type BrokenHop, brokenHops, type ConnectedOptions, isConnected } from './check/isConnected.ts';
export { type PropagationHop, propagates } from './check/propagates.ts';
export { isSpan, type TraceSource, type TracesLike, toSpan, toTraceSet } from './check/received.ts';
export type {
  AttributeMatcher,
  EventExpectation,
  SpanExpectation,
  StatusExpectation,
  TextMatcher,
} from './check/SpanExpectation.ts';
export { hasAttributes, hasEvent, hasParent, hasStatus, isRoot } from './check/spanChecks.ts';
export { fromReadableSpan, spanKindFromApi, statusCodeFromApi } from './model/fromReadableSpan.ts';
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
export { type ServiceEdge, type ServiceGraph, serviceGraphOf } from './model/serviceGraph.ts';
export { Trace } from './model/Trace.ts';
export { TraceSet } from './model/TraceSet.ts';
export { formatDuration, type HrTime, hrTimeToNanos, nanosToMillis } from './model/time.ts';
export { describeSpan } from './render/describeSpan.ts';
export { renderTraces } from './render/renderTraces.ts';
export { type RenderTreeOptions, renderTree } from './render/renderTree.ts';
