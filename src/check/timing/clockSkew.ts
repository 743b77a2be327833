import { type DurationInput, parseDuration } from '../../model/duration.ts';
import type { Span } from '../../model/Span.ts';
import { sameClock } from '../../model/sameClock.ts';

/**
 * The disagreement tolerated by default between spans of different processes (another service, instance,
 * container or host), whose clocks may be skewed.
 *
 * @example
 * expect(serverSpan).toBeWithinParent({ tolerance: DEFAULT_CLOCK_SKEW });
 */
export const DEFAULT_CLOCK_SKEW: DurationInput = '5ms';

/**
 * The disagreement tolerated by default between spans of one process. OpenTelemetry JS stamps a span's start
 * with `Date.now()` (whole milliseconds) and its end as start plus a precise duration, so a span that started
 * right after another one ended can appear to start up to 1ms before that end.
 *
 * @example
 * expect(second).toStartAfterEndOf(first, { tolerance: DEFAULT_CLOCK_RESOLUTION });
 */
export const DEFAULT_CLOCK_RESOLUTION: DurationInput = '1ms';

/**
 * Options of the timing checks that compare two spans' times.
 *
 * @example
 * expect(serverSpan).toBeWithinParent({ tolerance: '10ms' });
 */
export interface SkewOptions {
  /**
   * How far two spans' times may disagree. `0` compares the recorded times exactly. Default:
   * {@link DEFAULT_CLOCK_RESOLUTION} (1ms) within one process, {@link DEFAULT_CLOCK_SKEW} (5ms) between processes.
   */
  readonly tolerance?: DurationInput;
}

/**
 * The tolerance in nanoseconds that applies between two spans.
 *
 * @example
 * toleranceBetween(client, server, {}, 'toBeWithinParent()'); // 5_000_000n when they are different processes
 */
export function toleranceBetween(a: Span, b: Span, options: SkewOptions, matcher: string): bigint {
  if (options.tolerance !== undefined) return parseDuration(options.tolerance, `${matcher}: option \`tolerance\``);
  return sameClock(a, b) ? RESOLUTION_NANOS : SKEW_NANOS;
}

// Parsed once: group checks ask for every pair of spans.
const RESOLUTION_NANOS = parseDuration(DEFAULT_CLOCK_RESOLUTION);
const SKEW_NANOS = parseDuration(DEFAULT_CLOCK_SKEW);
