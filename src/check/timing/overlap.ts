import { maxBigInt, minBigInt } from '../../model/bigintMath.ts';
import type { Span } from '../../model/Span.ts';
import { clockOf, type SpanClock } from '../../model/sdkClock.ts';

/**
 * True when the two spans share more than `tolerance` of time (with 0: any time; a zero-length span strictly
 * inside the other counts). Overlap must be shown beyond the tolerance, while order gets the benefit of the doubt,
 * so that for two spans "in sequence" and "overlapping" never both hold. Times are read on `clock` (by default
 * {@link clockOf} the two).
 *
 * @example
 * overlapsBeyond(a, b, 1_000_000n); // a and b share more than 1ms
 */
export function overlapsBeyond(
  span: Span,
  other: Span,
  tolerance: bigint,
  clock: SpanClock = clockOf([span, other]),
): boolean {
  return clock.start(span) + tolerance < clock.end(other) && clock.start(other) + tolerance < clock.end(span);
}

/** How long two spans run at the same time (0 when they do not). */
export function overlapNanos(a: Span, b: Span, clock: SpanClock = clockOf([a, b])): bigint {
  const start = maxBigInt(clock.start(a), clock.start(b));
  const end = minBigInt(clock.end(a), clock.end(b));
  return end > start ? end - start : 0n;
}
