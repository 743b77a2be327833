// Math.min/Math.max do not take bigints; these do.

/** The larger of two bigints. */
export function maxBigInt(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

/** The smaller of two bigints. */
export function minBigInt(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
