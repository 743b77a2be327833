import { clipInterval, coveredNanos, type Interval } from './Interval.ts';
import type { Span } from './Span.ts';
import type { Trace } from './Trace.ts';

/**
 * The time a span spent on its own: its duration minus the time covered by at least one of its children
 * (overlapping children count once; a child sticking out of the span counts only inside it). Never negative,
 * never more than the span's duration.
 *
 * @example
 * // handler 0-100ms, children 10-40ms and 30-60ms: 100 - 50 = 50ms of self time
 * selfTime(trace, handler); // 50_000_000n
 */
export function selfTime(trace: Trace, span: Span): bigint {
  const window = spanInterval(span);
  const busy: Interval[] = [];
  for (const child of trace.children(span)) {
    const clipped = clipInterval(spanInterval(child), window);
    if (clipped) busy.push(clipped);
  }
  return span.durationNano - coveredNanos(busy);
}

/** The span's time range as an {@link Interval}. */
export function spanInterval(span: Span): Interval {
  return { start: span.startTimeUnixNano, end: span.endTimeUnixNano };
}
