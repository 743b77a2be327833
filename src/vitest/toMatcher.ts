import type { MatcherState, SyncMatcherResult } from 'vitest';
import type { CheckResult } from '../check/CheckResult.ts';
import { noteFailure } from './failureLog.ts';

/**
 * Turns a framework-free check into a vitest matcher: the check decides `pass`, the runner handles `.not`, and the
 * message gets vitest's hint line on top (principle: hint, blank line, Expected / Received, details). A failure is
 * noted with the spans it marks, so that the failed test's report can highlight them.
 */
export function toMatcher<A extends unknown[]>(
  name: string,
  receivedLabel: string,
  check: (received: unknown, ...args: A) => CheckResult,
): (this: MatcherState, received: unknown, ...args: A) => SyncMatcherResult {
  return function matcher(this: MatcherState, received: unknown, ...args: A): SyncMatcherResult {
    const result = check(received, ...args);
    const hint = this.utils.matcherHint(name, receivedLabel, args.length > 0 ? 'expected' : '', {
      isNot: this.isNot,
      promise: this.promise,
    });
    let text: string | undefined;
    const message = () => {
      text ??= `${hint}\n\n${result.message()}`;
      return text;
    };
    // A failure (also of `.not`) is noted with its marks, for the failed test's HTML report.
    if (result.pass === Boolean(this.isNot) && result.marks !== undefined) noteFailure(message, result.marks);
    return {
      pass: result.pass,
      message,
      ...(result.actual !== undefined || result.expected !== undefined
        ? { actual: result.actual, expected: result.expected }
        : {}),
    };
  };
}
