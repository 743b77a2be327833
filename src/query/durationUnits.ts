/** Nanoseconds per unit, largest first (the printer picks the largest unit that divides a duration). */
export const DURATION_UNITS: readonly (readonly [unit: string, nanos: bigint])[] = [
  ['h', 3_600_000_000_000n],
  ['m', 60_000_000_000n],
  ['s', 1_000_000_000n],
  ['ms', 1_000_000n],
  ['us', 1_000n],
  ['ns', 1n],
];

const DURATION = /^(\d+)(?:\.(\d+))?(ns|us|µs|ms|s|m|h)$/;

/**
 * Parses `200ms`, `1.5s`, `250us` (or `µs`), `2m`, `1h` to nanoseconds; undefined when the text is not a duration
 * or is not a whole number of nanoseconds.
 */
export function parseDuration(text: string): bigint | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const [, whole = '0', fraction = '', unit = 'ns'] = match;
  const perUnit = DURATION_UNITS.find(([name]) => name === (unit === 'µs' ? 'us' : unit))?.[1] ?? 1n;
  const scale = 10n ** BigInt(fraction.length);
  const scaled = (BigInt(whole) * scale + BigInt(fraction || '0')) * perUnit;
  return scaled % scale === 0n ? scaled / scale : undefined;
}

/** Prints nanoseconds in the largest unit that divides them: `200ms`, `1500us`, `0ms`. */
export function printDuration(nanos: bigint): string {
  if (nanos === 0n) return '0ms';
  for (const [unit, perUnit] of DURATION_UNITS) if (nanos % perUnit === 0n) return `${nanos / perUnit}${unit}`;
  return `${nanos}ns`;
}
