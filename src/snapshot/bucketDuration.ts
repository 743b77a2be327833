/**
 * The bucket a duration falls in, for snapshots that show durations coarsely: `<10ms`, `10ms..100ms`, `>=100ms`.
 * Bounds are milliseconds, ascending.
 */
export function bucketDuration(ms: number, bounds: readonly number[]): string {
  const sorted = [...bounds].sort((a, b) => a - b);
  const first = sorted[0];
  if (first === undefined) return 'any';
  if (ms < first) return `<${first}ms`;
  for (let i = 1; i < sorted.length; i++) {
    const upper = sorted[i] as number;
    if (ms < upper) return `${sorted[i - 1]}ms..${upper}ms`;
  }
  return `>=${sorted[sorted.length - 1]}ms`;
}
