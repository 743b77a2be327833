import type { MatcherState, SyncMatcherResult } from 'vitest';
import type { CheckResult } from '../check/CheckResult.ts';

/**
 * Turns a framework-free check into a vitest matcher: the check decides `pass`, the runner handles `.not`, and the
 * message gets vitest's hint line on top (principle: hint, blank line, Expected / Received, details).
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
    return {
      pass: result.pass,
      message: () => `${hint}\n\n${result.message()}`,
      ...(result.actual !== undefined || result.expected !== undefined
        ? { actual: result.actual, expected: result.expected }
        : {}),
    };
  };
}
