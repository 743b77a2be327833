import type { FailureMarks } from '../model/FailureMarks.ts';

/**
 * The outcome of a framework-free check: what a vitest matcher returns. `message` explains the outcome in both
 * directions (it is shown for a failed `expect` and for a failed `expect.not`); `actual` and `expected` feed the
 * runner's own diff; `marks` names the spans and hops the message points at, for pictures of the failure.
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
  readonly marks?: () => FailureMarks;
}
