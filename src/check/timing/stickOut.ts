import { overhang } from '../../model/overhang.ts';
import type { Span } from '../../model/Span.ts';
import { sameClock } from '../../model/sameClock.ts';
import { clockOf } from '../../model/sdkClock.ts';
import { formatDuration } from '../../model/time.ts';
import { type SkewOptions, toleranceBetween } from './clockSkew.ts';

/**
 * A span that lies partly outside its parent's time range, by more than the tolerance, and the likely cause:
 * `clock-skew` when it comes from another process and would fit once shifted (it is not longer than its
 * parent); `bug` when both spans share a clock or the span is longer than its parent.
 */
export interface StickOut {
  readonly span: Span;
  readonly parent: Span;
  readonly before: bigint;
  readonly after: bigint;
  readonly tolerance: bigint;
  readonly cause: 'clock-skew' | 'bug';
  /** True when both were compared on this process's monotonic clock (see {@link clockOf}). */
  readonly monotonic: boolean;
}

/**
 * How the span sticks out of its parent, or `undefined` when it lies within it (up to the tolerance).
 *
 * @example
 * const problem = stickOut(serverSpan, clientSpan, {}, 'toBeWithinParent()');
 */
export function stickOut(span: Span, parent: Span, options: SkewOptions, matcher: string): StickOut | undefined {
  const tolerance = toleranceBetween(span, parent, options, matcher);
  const clock = clockOf([span, parent]);
  const { before, after } = overhang(span, parent, clock);
  if (before <= tolerance && after <= tolerance) return undefined;
  // Spans on the one monotonic clock cannot be skewed, whatever services they name.
  const skew = !clock.monotonic && !sameClock(span, parent) && span.durationNano <= parent.durationNano;
  return { span, parent, before, after, tolerance, cause: skew ? 'clock-skew' : 'bug', monotonic: clock.monotonic };
}

// Why a same-process overhang of spans that cannot be put on the monotonic clock is a likely bug, not a certain one:
// OpenTelemetry JS (sdk-trace 3.1) takes a span's start from Date.now() and anchors its end to performance.now()
// read right after; a pause between the two reads (the process preempted on a loaded machine) moves the whole span
// earlier by the pause. Spans it stamped itself are compared with that undone (see sdkClock.ts).
const STAMPING =
  "inferred: OpenTelemetry JS reads a span's start from Date.now() and its end from performance.now(), so a process " +
  'paused between the two reads (a loaded machine) shows that span earlier by the pause';

/** "starts 7ms before and ends 1ms after its parent (tolerance 5ms): likely clock skew, ..." */
export function describeStickOut(problem: StickOut): string {
  const sides: string[] = [];
  if (problem.before > 0n) sides.push(`starts ${formatDuration(problem.before)} before`);
  if (problem.after > 0n) sides.push(`ends ${formatDuration(problem.after)} after`);
  const tolerance = problem.tolerance > 0n ? ` (tolerance ${formatDuration(problem.tolerance)})` : '';
  return `${sides.join(' and ')} its parent${tolerance}: ${cause(problem)}`;
}

function cause(problem: StickOut): string {
  if (problem.cause === 'clock-skew') {
    const shift = problem.before > 0n ? problem.before : problem.after;
    return `likely clock skew (another process; it fits once shifted by ${formatDuration(shift)}; raise \`tolerance\` if that is expected)`;
  }
  if (problem.monotonic) {
    // Both stamped by OpenTelemetry JS in this process, compared with its Date.now() stamps undone: the times are
    // the SDK's own monotonic ones, so the order is what the code did, and only its reason is a guess.
    return problem.after > 0n
      ? 'one process, timed on its monotonic clock: the parent ended before this span did; likely a missing await, or work handed off without a link'
      : 'one process, timed on its monotonic clock: this span started before its parent did, so its parent context was made before the parent span';
  }
  if (sameClock(problem.span, problem.parent)) {
    return problem.after > 0n
      ? `same clock, so not skew: likely the parent ended before this work did (a missing await, or work handed off without a link?); ${STAMPING}`
      : `same clock, so not skew: likely the span started before its parent did; ${STAMPING}`;
  }
  return 'not clock skew: the span is longer than its parent';
}
