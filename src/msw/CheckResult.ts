/**
 * What every tracespec check returns: the matcher protocol of vitest and jest, without `.not` handling.
 *
 * @example
 * const result: CheckResult = checkCarriesTraceContext(request, { format: 'b3' });
 * if (!result.pass) console.log(result.message());
 */
export interface CheckResult {
  readonly pass: boolean;
  readonly message: () => string;
  readonly actual: unknown;
  readonly expected: unknown;
}
