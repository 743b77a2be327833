// Public API of tracespec. Listed by hand: see STYLE.md, principle 8.

// Timing (issue 4)
export type { Gap } from './model/childGaps.ts';
export { childGaps } from './model/childGaps.ts';
export type { CriticalPath, CriticalSegment } from './model/criticalPath.ts';
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
