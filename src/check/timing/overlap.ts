import { maxBigInt, minBigInt } from '../../model/bigintMath.ts';
import type { Span } from '../../model/Span.ts';

/**
 * True when the two spans share more than `tolerance` of time (with 0: any time; a zero-length span strictly
 * inside the other counts). Overlap must be shown beyond the tolerance, while order gets the benefit of the doubt,
 * so that for two spans "in sequence" and "overlapping" never both hold.
 *
 * @example
 * overlapsBeyond(a, b, 1_000_000n); // a and b share more than 1ms
 */
export function overlapsBeyond(span: Span, other: Span, tolerance: bigint): boolean {
  return (
    span.startTimeUnixNano + tolerance < other.endTimeUnixNano &&
    other.startTimeUnixNano + tolerance < span.endTimeUnixNano
  );
}

/** How long two spans run at the same time (0 when they do not). */
export function overlapNanos(a: Span, b: Span): bigint {
  const start = maxBigInt(a.startTimeUnixNano, b.startTimeUnixNano);
  const end = minBigInt(a.endTimeUnixNano, b.endTimeUnixNano);
  return end > start ? end - start : 0n;
}
