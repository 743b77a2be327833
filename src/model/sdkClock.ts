import type { ReadableSpanLike } from './ReadableSpanLike.ts';
import type { Span } from './Span.ts';

// OpenTelemetry JS (sdk-trace 3.x, sdk-trace-base 1.x and 2.x) stamps a span whose start it is not given with
// `Date.now()` (whole milliseconds), then reads `performance.now()` and keeps the difference as the span's
// `_performanceOffset`; the end is the start plus a duration measured on `performance.now()`. Two spans of one
// process therefore sit on the monotonic clock shifted by their own offsets: up to 1ms apart from the truncation,
// and more when the process was paused between the two reads (a loaded machine; 4ms was seen). Undoing each span's
// offset puts them back on the one clock the SDK measured them with.
//
// An end given as an HrTime read from performance (core's hrTime()) sits on the monotonic clock already, so that span
// is off by its own offset once shifted: at most 1ms, more only if the process paused while the span started. Ends
// given as a Date or Date.now() are recognized (a whole number of milliseconds) and such spans left as recorded.

// The offset of this process's clocks when tracespec was loaded: shifted times stay within a millisecond of the
// recorded ones (a span's shift is its offset minus this one), so they still read as wall-clock times.
const REFERENCE_MS = Date.now() - (performance.timeOrigin + performance.now());

/** The private fields of an OpenTelemetry JS SDK span that say how it was stamped (read, never written). */
interface SdkStamping {
  readonly _startTimeProvided?: unknown;
  readonly _performanceStartTime?: unknown;
  readonly _performanceOffset?: unknown;
}

/**
 * How far an ended SDK span's recorded times sit from this process's monotonic clock (ns), when the SDK took its
 * start from `Date.now()` itself (no start time was given) and measured its duration; `undefined` otherwise (a
 * start time given, an end from the wall clock, or an SDK whose fields mean something else).
 *
 * @example
 * const shift = sdkClockShift(readable, startTimeUnixNano, durationNano); // e.g. -420_117n
 */
export function sdkClockShift(readable: ReadableSpanLike, startNano: bigint, durationNano: bigint): bigint | undefined {
  const stamping = readable as SdkStamping;
  const offset = stamping._performanceOffset;
  const anchor = stamping._performanceStartTime;
  if (stamping._startTimeProvided !== false || typeof offset !== 'number' || typeof anchor !== 'number') return;
  // A whole number of milliseconds is an end taken from the wall clock (a Date, or Date.now() given to end()), not
  // a duration measured on performance.now(): that end is not shifted with the start, so leave the span as it is.
  if (durationNano % 1_000_000n === 0n) return;
  // Only when the fields mean what they meant when this was written: the start is the anchor plus the offset.
  const startMs = Number(startNano / 1_000n) / 1_000;
  if (Math.abs(startMs - (performance.timeOrigin + anchor + offset)) > 0.01) return;
  return BigInt(Math.round((offset - REFERENCE_MS) * 1_000_000));
}

/**
 * The times a timing check compares for a set of spans: on this process's monotonic clock when every one of them
 * has a {@link Span.clockShiftNano} (stamped by OpenTelemetry JS in this process), otherwise the recorded times.
 *
 * @example
 * const clock = clockOf([child, parent]);
 * const after = clock.end(child) - clock.end(parent);
 */
export interface SpanClock {
  /** True when the times are the SDK's monotonic ones, its `Date.now()` stamps undone. */
  readonly monotonic: boolean;
  start(span: Span): bigint;
  end(span: Span): bigint;
}

const RECORDED: SpanClock = Object.freeze({
  monotonic: false,
  start: (span: Span) => span.startTimeUnixNano,
  end: (span: Span) => span.endTimeUnixNano,
});

const MONOTONIC: SpanClock = Object.freeze({
  monotonic: true,
  start: (span: Span) => span.startTimeUnixNano - (span.clockShiftNano ?? 0n),
  end: (span: Span) => span.endTimeUnixNano - (span.clockShiftNano ?? 0n),
});

/**
 * The clock to compare these spans on: {@link SpanClock}.
 *
 * @example
 * clockOf([a, b]).monotonic; // true for two spans started without explicit times in this process
 */
export function clockOf(spans: Iterable<Span>): SpanClock {
  for (const span of spans) if (span.clockShiftNano === undefined) return RECORDED;
  return MONOTONIC;
}
