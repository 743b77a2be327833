import type { Span } from '../../model/Span.ts';
import { sameClock } from '../../model/sameClock.ts';

/** How far each span is moved on the page, in nanoseconds: its own shift for clock skew, and the shift it inherits. */
export interface SkewShifts {
  /** Total shift of each span (inherited plus own), by position. */
  readonly total: readonly bigint[];
  /** The shift a span got because it did not fit its parent, by position (0n when it was not moved itself). */
  readonly own: readonly bigint[];
}

/**
 * Clock-skew adjustment for display, as trace viewers do it: a span timed by another clock than its parent's
 * (another service or process) that starts before or ends after its parent, and is not longer than it, is moved
 * to the middle of its parent (the network time split evenly before and after). Its descendants move with it.
 * Spans on the same clock are never moved: there a span sticking out is a real finding, not skew.
 *
 * @example
 * const { total } = skewShifts(trace.spans, trace.parentPositions());
 */
export function skewShifts(spans: readonly Span[], parents: Int32Array): SkewShifts {
  const total: bigint[] = new Array(spans.length).fill(0n);
  const own: bigint[] = new Array(spans.length).fill(0n);
  for (let i = 0; i < spans.length; i++) {
    const p = parents[i] as number;
    if (p < 0) continue;
    const span = spans[i] as Span;
    const parent = spans[p] as Span;
    const inherited = total[p] as bigint;
    total[i] = inherited;
    if (!span.ended || !parent.ended || sameClock(span, parent) || span.durationNano > parent.durationNano) continue;
    const start = span.startTimeUnixNano + inherited;
    const parentStart = parent.startTimeUnixNano + inherited;
    const parentEnd = parent.endTimeUnixNano + inherited;
    if (start >= parentStart && start + span.durationNano <= parentEnd) continue;
    const shift = parentStart + (parent.durationNano - span.durationNano) / 2n - start;
    own[i] = shift;
    total[i] = inherited + shift;
  }
  return { total, own };
}
