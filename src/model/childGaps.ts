import { clipInterval, type Interval, mergeIntervals } from './Interval.ts';
import type { Span } from './Span.ts';
import { spanInterval } from './selfTime.ts';
import type { Trace } from './Trace.ts';

/**
 * A stretch of a span's time during which none of its children ran.
 *
 * @example
 * const gap: Gap = childGaps(trace, handler)[0];
 * console.log(gap.durationNano, gap.after?.name, gap.before?.name);
 */
export interface Gap {
  readonly startTimeUnixNano: bigint;
  readonly endTimeUnixNano: bigint;
  readonly durationNano: bigint;
  /** The child that ended when the gap began; absent when the gap starts with the parent. */
  readonly after?: Span;
  /** The child that started when the gap ended; absent when the gap ends with the parent. */
  readonly before?: Span;
}

/**
 * The gaps inside a span where none of its children ran, in time order: before the first child, between
 * children and after the last one. Gaps of zero length are left out; a span without children is one gap.
 *
 * @example
 * // handler 0-100ms, children 10-40ms and 50-60ms: gaps 0-10, 40-50, 60-100
 * childGaps(trace, handler).map((gap) => gap.durationNano); // [10_000_000n, 10_000_000n, 40_000_000n]
 */
export function childGaps(trace: Trace, span: Span): Gap[] {
  const window = spanInterval(span);
  const children = trace.children(span);
  const busy: Interval[] = [];
  for (const child of children) {
    const clipped = clipInterval(spanInterval(child), window);
    if (clipped) busy.push(clipped);
  }
  const gaps: Gap[] = [];
  let cursor = window.start;
  for (const covered of [...mergeIntervals(busy), { start: window.end, end: window.end }]) {
    if (covered.start > cursor) {
      const after = children.find((child) => child.endTimeUnixNano === cursor);
      const before = children.find((child) => child.startTimeUnixNano === covered.start);
      gaps.push({
        startTimeUnixNano: cursor,
        endTimeUnixNano: covered.start,
        durationNano: covered.start - cursor,
        ...(after && cursor !== window.start ? { after } : {}),
        ...(before && covered.start !== window.end ? { before } : {}),
      });
    }
    if (covered.end > cursor) cursor = covered.end;
  }
  return gaps;
}
