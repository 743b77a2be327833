/**
 * The outcome of a framework-free check: what a vitest matcher returns. `message` explains the outcome in both
 * directions (it is shown for a failed `expect` and for a failed `expect.not`); `actual` and `expected` feed the
 * runner's own diff.
 *
 * @example
 * const result: CheckResult = hasSpan(traceSet, { name: 'GET /orders' });
 * if (!result.pass) throw new Error(result.message());
 */
export interface CheckResult {
  readonly pass: boolean;
  readonly message: () => string;
  readonly actual?: unknown;
  readonly expected?: unknown;
}
