/**
 * The units a duration string may end with.
 *
 * @example
 * const unit: DurationUnit = 'ms';
 */
export type DurationUnit = 'ns' | 'us' | 'µs' | 'ms' | 's' | 'm' | 'h';

/**
 * A duration as tests write it: a number of milliseconds, or a string with a unit.
 *
 * @example
 * const limit: DurationInput = '200ms'; // also 250us, 1.5s, 2m, 500ns, or 200 (milliseconds)
 */
export type DurationInput = number | `${number}${DurationUnit}`;

const NANOS: Readonly<Record<DurationUnit, number>> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};
const UNITS = Object.keys(NANOS).join(', ');
const PATTERN = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-zµ]*)\s*$/i;

/**
 * Parses a duration to whole nanoseconds. Numbers are milliseconds; strings need a unit (`ns`, `us`, `µs`, `ms`,
 * `s`, `m`, `h`: the units of the selector language). Negative, non-finite and misspelled values throw a `[tracespec]` error that names `what`.
 *
 * @example
 * parseDuration('1.5s'); // 1_500_000_000n
 * parseDuration(200); // 200_000_000n
 * parseDuration('200mss', 'toHaveDuration(): option `under`'); // throws, listing the valid units
 */
export function parseDuration(input: DurationInput | string, what = 'duration'): bigint {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 0) {
      throw new RangeError(`[tracespec] ${what}: expected a duration >= 0, got ${String(input)}.`);
    }
    return BigInt(Math.round(input * 1e6));
  }
  if (typeof input !== 'string') {
    throw new TypeError(
      `[tracespec] ${what}: expected a duration such as '200ms' or a number of milliseconds, got ${typeof input}.`,
    );
  }
  const match = PATTERN.exec(input);
  const unit = match?.[2] ?? '';
  if (!match || !isUnit(unit)) {
    const reason = !match
      ? 'it is not a number followed by a unit'
      : unit === ''
        ? 'the unit is missing'
        : `unknown unit ${JSON.stringify(match[2])}`;
    throw new TypeError(
      `[tracespec] ${what}: cannot read the duration ${JSON.stringify(input)}: ${reason}. ` +
        `Write a number followed by one of ${UNITS} (e.g. '250us', '200ms', '1.5s'), or a number of milliseconds.`,
    );
  }
  return BigInt(Math.round(Number(match[1]) * NANOS[unit]));
}

function isUnit(text: string): text is DurationUnit {
  return Object.hasOwn(NANOS, text);
}
