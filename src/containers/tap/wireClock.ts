// Unix time in nanoseconds from the monotonic clock: wall time read once, then hrtime, so that the records of one
// tap are ordered even when the wall clock steps.
const origin = BigInt(Date.now()) * 1_000_000n - process.hrtime.bigint();

/** Now, in Unix nanoseconds. */
export function nowUnixNano(): bigint {
  return origin + process.hrtime.bigint();
}
