/**
 * The outcome of parsing a propagation header: the parsed value, or the exact reason it is invalid.
 *
 * @example
 * const result = parseTraceparent('00-00000000000000000000000000000000-00f067aa0ba902b7-01');
 * if (!result.valid) console.log(result.reason); // "trace-id is all zeros"
 */
export type ParseResult<T> = ValidHeader<T> | InvalidHeader;

/**
 * A header that parsed: its value.
 *
 * @example
 * const ok: ValidHeader<number> = { valid: true, value: 1 };
 */
export interface ValidHeader<T> {
  readonly valid: true;
  readonly value: T;
}

/**
 * A header that did not parse: why, in words that name the faulty part.
 *
 * @example
 * const bad: InvalidHeader = { valid: false, reason: 'trace-id is all zeros' };
 */
export interface InvalidHeader {
  readonly valid: false;
  readonly reason: string;
}

/** Builds a {@link ValidHeader}. */
export function ok<T>(value: T): ValidHeader<T> {
  return { valid: true, value };
}

/** Builds an {@link InvalidHeader}. */
export function invalid(reason: string): InvalidHeader {
  return { valid: false, reason };
}
