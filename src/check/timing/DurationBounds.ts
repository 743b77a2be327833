import { type DurationInput, parseDuration } from '../../model/duration.ts';
import { formatDuration } from '../../model/time.ts';

/**
 * Bounds on a duration: `under` (strictly less), `over` (strictly more), `between` (inclusive on both ends).
 * Several bounds all apply. Durations take units (`'250us'`, `'200ms'`, `'1.5s'`) or numbers of milliseconds.
 *
 * @example
 * expect(span).toHaveDuration({ under: '200ms' });
 * expect(span).toHaveDuration({ between: ['10ms', '50ms'] });
 */
export interface DurationBounds {
  readonly under?: DurationInput;
  readonly over?: DurationInput;
  readonly between?: readonly [DurationInput, DurationInput];
}

/** {@link DurationBounds} read into nanoseconds. */
export interface ParsedBounds {
  readonly under?: bigint;
  readonly over?: bigint;
  readonly between?: readonly [bigint, bigint];
}

const KEYS: readonly string[] = ['under', 'over', 'between'];

/**
 * Validates and reads bounds, with errors that name the matcher, the option and what to write instead.
 *
 * @example
 * parseBounds({ under: '200ms' }, 'toHaveDuration()'); // { under: 200_000_000n }
 */
export function parseBounds(bounds: DurationBounds, what: string): ParsedBounds {
  if (typeof bounds !== 'object' || bounds === null) {
    throw new TypeError(`[tracespec] ${what}: expected bounds such as { under: '200ms' }, got ${String(bounds)}.`);
  }
  const unknown = Object.keys(bounds).filter((key) => !KEYS.includes(key));
  if (unknown.length > 0) {
    throw new TypeError(
      `[tracespec] ${what}: unknown option ${unknown.map((key) => `\`${key}\``).join(', ')}; use under, over or between, e.g. { under: '200ms' }.`,
    );
  }
  if (bounds.under === undefined && bounds.over === undefined && bounds.between === undefined) {
    throw new TypeError(`[tracespec] ${what}: give at least one of under, over or between, e.g. { under: '200ms' }.`);
  }
  const parsed: { under?: bigint; over?: bigint; between?: readonly [bigint, bigint] } = {};
  if (bounds.under !== undefined) parsed.under = parseDuration(bounds.under, `${what}: option \`under\``);
  if (bounds.over !== undefined) parsed.over = parseDuration(bounds.over, `${what}: option \`over\``);
  if (bounds.between !== undefined) {
    if (!Array.isArray(bounds.between) || bounds.between.length !== 2) {
      throw new TypeError(`[tracespec] ${what}: option \`between\` takes two durations, e.g. ['10ms', '50ms'].`);
    }
    const low = parseDuration(bounds.between[0], `${what}: option \`between[0]\``);
    const high = parseDuration(bounds.between[1], `${what}: option \`between[1]\``);
    if (low > high) {
      throw new RangeError(
        `[tracespec] ${what}: option \`between\` goes from ${formatDuration(low)} down to ${formatDuration(high)}; put the smaller duration first.`,
      );
    }
    parsed.between = [low, high];
  }
  return parsed;
}

/** True when the duration satisfies every bound. */
export function withinBounds(duration: bigint, bounds: ParsedBounds): boolean {
  if (bounds.under !== undefined && !(duration < bounds.under)) return false;
  if (bounds.over !== undefined && !(duration > bounds.over)) return false;
  if (bounds.between !== undefined && (duration < bounds.between[0] || duration > bounds.between[1])) return false;
  return true;
}

/** "under 200ms and over 10ms", "between 10ms and 50ms". */
export function describeBounds(bounds: ParsedBounds): string {
  const parts: string[] = [];
  if (bounds.under !== undefined) parts.push(`under ${formatDuration(bounds.under)}`);
  if (bounds.over !== undefined) parts.push(`over ${formatDuration(bounds.over)}`);
  if (bounds.between !== undefined) {
    parts.push(`between ${formatDuration(bounds.between[0])} and ${formatDuration(bounds.between[1])}`);
  }
  return parts.join(' and ');
}
