import { type DurationInput, parseDuration } from '../model/duration.ts';
import type { Span } from '../model/Span.ts';
import { sameClock } from '../model/sameClock.ts';

/**
 * The clock skew tolerated by default between spans of different processes (and never within one process,
 * where all spans share a clock).
 *
 * @example
 * expect(serverSpan).toBeWithinParent({ tolerance: DEFAULT_CLOCK_SKEW });
 */
export const DEFAULT_CLOCK_SKEW: DurationInput = '5ms';

/** Options of the timing checks that compare two spans' times. */
export interface SkewOptions {
  /**
   * How far two spans' times may disagree. Default: 0 for spans of the same process, {@link DEFAULT_CLOCK_SKEW}
   * for spans of different processes (another service, instance, container or host).
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
  return sameClock(a, b) ? 0n : parseDuration(DEFAULT_CLOCK_SKEW);
}
