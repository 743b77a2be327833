/** A time as OpenTelemetry's HrTime: `[seconds, nanoseconds]`. */
export type HrTime = readonly [number, number];

const NANOS_PER_SECOND = 1_000_000_000n;

/** Converts an OpenTelemetry `[seconds, nanos]` time to nanoseconds since the epoch. */
export function hrTimeToNanos(time: HrTime): bigint {
  return BigInt(time[0]) * NANOS_PER_SECOND + BigInt(time[1]);
}

/** Converts nanoseconds to milliseconds as a float. */
export function nanosToMillis(nanos: bigint): number {
  // Split so that large epoch values keep sub-millisecond precision.
  const whole = nanos / 1_000_000n;
  const rest = nanos - whole * 1_000_000n;
  return Number(whole) + Number(rest) / 1e6;
}

/**
 * Formats a duration in nanoseconds for people: `850us`, `12.3ms`, `1.25s`.
 *
 * @example
 * formatDuration(span.durationNano); // '12.3ms'
 * formatDuration(850_000n); // '850us'
 */
export function formatDuration(nanos: bigint): string {
  const ms = nanosToMillis(nanos);
  if (ms < 1) return `${trim(ms * 1000)}us`;
  if (ms < 1000) return `${trim(ms)}ms`;
  return `${trim(ms / 1000)}s`;
}

function trim(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return String(Number(value.toFixed(1)));
  return String(Number(value.toFixed(2)));
}
