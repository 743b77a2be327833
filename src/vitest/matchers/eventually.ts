import { type MatcherState, type SyncMatcherResult, TestRunner } from 'vitest';
import { WaitTimeoutError } from '../../capture/WaitTimeoutError.ts';
import { waitFor } from '../../capture/waitFor.ts';
import type { CheckResult } from '../../check/CheckResult.ts';
import type { CountOptions } from '../../check/expectation/countExpectation.ts';
import type { SpanExpectation } from '../../check/expectation/SpanExpectation.ts';
import { hasSpan } from '../../check/trace/hasSpan.ts';
import { withStrayMatches } from '../../check/trace/strayMatches.ts';
import { noteFailure } from '../failureLog.ts';
import { straysOf, toTraceSet } from '../subjects/toSubject.ts';

/** Options of `toEventuallyHaveSpan`: a count, and how long to wait (or, with `.not`, the window to watch). */
export interface EventuallyOptions extends CountOptions {
  /** Milliseconds to wait for the span; with `.not`, how long it must stay absent. Default 5000 (or less, to end before the test's own timeout). */
  readonly timeout?: number;
}

class NotYet extends Error {
  readonly result: CheckResult;
  constructor(result: CheckResult) {
    super('not yet');
    this.result = result;
  }
}

/**
 * `await expect(traces).toEventuallyHaveSpan(expected, options)`: re-runs `toHaveSpan` until it passes or the
 * deadline, then shows the last real failure. With `.not` it watches the whole window and fails as soon as the
 * span appears.
 */
export async function toEventuallyHaveSpan(
  this: MatcherState,
  received: unknown,
  expected: SpanExpectation,
  options: EventuallyOptions = {},
): Promise<SyncMatcherResult> {
  const { timeout: asked, ...count } = options;
  const timeout = boundedTimeout(asked, runningTest(this));
  const check = () => hasSpan(toTraceSet(received, 'toEventuallyHaveSpan'), expected, count);
  const hint = this.utils.matcherHint('toEventuallyHaveSpan', 'traces', 'expected', {
    isNot: this.isNot,
    promise: this.promise,
  });
  const started = performance.now();
  try {
    const result = await waitFor(
      () => {
        const result = check();
        if (!result.pass) throw new NotYet(result);
        return result;
      },
      { timeout, interval: 5, maxInterval: 50, what: this.isNot ? 'absence of the span' : 'the span' },
    );
    const after = Math.round(performance.now() - started);
    const message = () =>
      `${hint}\n\nThe span appeared after ${after}ms (the window was ${timeout}ms).\n\n${result.message()}`;
    if (this.isNot && result.marks !== undefined) noteFailure(message, result.marks);
    return { pass: true, message };
  } catch (error) {
    if (!(error instanceof WaitTimeoutError) || !(error.cause instanceof NotYet)) throw error;
    const own = toTraceSet(received, 'toEventuallyHaveSpan');
    const last = withStrayMatches(error.cause.result, own, expected, () => straysOf(received));
    const message = () =>
      `${hint}\n\nNo matching span within ${timeout}ms (${error.attempts} checks). The last check:\n\n${last.message()}`;
    if (!this.isNot && last.marks !== undefined) noteFailure(message, last.marks);
    return {
      pass: false,
      message,
      ...(last.actual !== undefined ? { actual: last.actual, expected: last.expected } : {}),
    };
  }
}

/** What a deadline needs of the running test: its own timeout and when it started. */
interface RunningTest {
  readonly timeout?: number;
  readonly result?: { readonly startTime?: number };
}

/**
 * The test this matcher runs in. vitest gives each matcher call its test as `this.task` (also for the global
 * `expect` in concurrent tests); `expect.getState().task` stays undefined in vitest 5. The runner's current test
 * is the fallback for an `expect` created elsewhere.
 */
function runningTest(state: MatcherState): RunningTest | undefined {
  return (state as { task?: RunningTest }).task ?? (TestRunner.getCurrentTest() as RunningTest | undefined);
}

/**
 * The asked timeout, kept inside the running test's own timeout (by a margin that leaves time to build the
 * message and fail with it) so that the trace diagnostic, not vitest's "Test timed out", is what the user sees.
 */
function boundedTimeout(asked: number | undefined, test: RunningTest | undefined): number {
  const wanted = asked ?? 5000;
  const testTimeout = test?.timeout;
  const startTime = test?.result?.startTime;
  if (!testTimeout || !startTime) return wanted;
  const margin = Math.min(500, Math.max(100, testTimeout * 0.05));
  const left = testTimeout - (Date.now() - startTime) - margin;
  return Math.max(0, Math.min(wanted, left));
}
