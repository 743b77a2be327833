// Public API of tracespec. Listed by hand: see STYLE.md, principle 8.

export type { SkewOptions } from './check/clockSkew.ts';
export { DEFAULT_CLOCK_RESOLUTION, DEFAULT_CLOCK_SKEW } from './check/clockSkew.ts';
export type { DurationBounds } from './check/DurationBounds.ts';
export type { CriticalPathOptions } from './check/hasCriticalPath.ts';
export { hasCriticalPath } from './check/hasCriticalPath.ts';
export { hasDuration } from './check/hasDuration.ts';
export type { RepeatedSpansOptions } from './check/hasNoRepeatedSpans.ts';
export { hasNoRepeatedSpans } from './check/hasNoRepeatedSpans.ts';
export { isWithinParent } from './check/isWithinParent.ts';
export { resolveSpans } from './check/resolveSpans.ts';
export { runsInParallel } from './check/runsInParallel.ts';
export type { SequenceOptions } from './check/runsInSequence.ts';
export { runsInSequence } from './check/runsInSequence.ts';
export type { SpanRef } from './check/SpanRef.ts';
export type { OrderRelation } from './check/spanOrder.ts';
export { checkOrder } from './check/spanOrder.ts';
export type { WithinParentsOptions } from './check/spansWithinParents.ts';
export { spansWithinParents } from './check/spansWithinParents.ts';
// Timing (issue 4)
export type { Gap } from './model/childGaps.ts';
export { childGaps } from './model/childGaps.ts';
export type { CriticalPath, CriticalPathModelOptions, CriticalSegment } from './model/criticalPath.ts';
export { criticalPath } from './model/criticalPath.ts';
export type { DurationInput, DurationUnit } from './model/duration.ts';
export { parseDuration } from './model/duration.ts';
export { fromReadableSpan } from './model/fromReadableSpan.ts';
export type { Interval } from './model/Interval.ts';
export { overhang } from './model/overhang.ts';
export type { Span, SpanKind } from './model/Span.ts';
export { sameClock } from './model/sameClock.ts';
export { selfTime } from './model/selfTime.ts';
export { Trace } from './model/Trace.ts';
export { TraceSet } from './model/TraceSet.ts';
export { formatDuration } from './model/time.ts';
export type { RenderWaterfallOptions } from './render/renderWaterfall.ts';
export { renderWaterfall } from './render/renderWaterfall.ts';
