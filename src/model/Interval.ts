import { maxBigInt, minBigInt } from './bigintMath.ts';

/**
 * A half-open stretch of time `[start, end)` in nanoseconds since the epoch.
 *
 * @example
 * const busy: Interval = { start: span.startTimeUnixNano, end: span.endTimeUnixNano };
 */
export interface Interval {
  readonly start: bigint;
  readonly end: bigint;
}

/** The part of `interval` inside `window`, or `undefined` when nothing (not even an instant) is left. */
export function clipInterval(interval: Interval, window: Interval): Interval | undefined {
  const start = maxBigInt(interval.start, window.start);
  const end = minBigInt(interval.end, window.end);
  return start <= end ? { start, end } : undefined;
}

/** Sorts and merges overlapping or touching intervals; the result covers the same time, without overlaps. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const merged: { start: bigint; end: bigint }[] = [];
  for (const next of sorted) {
    const last = merged.at(-1);
    if (last && next.start <= last.end) {
      if (next.end > last.end) last.end = next.end;
    } else merged.push({ start: next.start, end: next.end });
  }
  return merged;
}

/** Total time covered by the intervals, overlaps counted once. */
export function coveredNanos(intervals: readonly Interval[]): bigint {
  let total = 0n;
  for (const interval of mergeIntervals(intervals)) total += interval.end - interval.start;
  return total;
}
