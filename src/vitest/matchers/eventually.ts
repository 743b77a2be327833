import { expect, type MatcherState, type SyncMatcherResult } from 'vitest';
import { WaitTimeoutError } from '../../capture/WaitTimeoutError.ts';
import { waitFor } from '../../capture/waitFor.ts';
import type { CheckResult } from '../../check/CheckResult.ts';
import type { CountOptions } from '../../check/expectation/countExpectation.ts';
import type { SpanExpectation } from '../../check/expectation/SpanExpectation.ts';
import { hasSpan } from '../../check/trace/hasSpan.ts';
import { noteFailure } from '../failureLog.ts';
import { toTraceSet } from '../subjects/toSubject.ts';

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
  const timeout = boundedTimeout(asked);
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
    const last = error.cause.result;
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

/** The asked timeout, kept at least 100ms inside the running test's own timeout when vitest tells it. */
function boundedTimeout(asked: number | undefined): number {
  const wanted = asked ?? 5000;
  const task = (expect.getState() as { task?: { timeout?: number; result?: { startTime?: number } } }).task;
  const testTimeout = task?.timeout;
  const startTime = task?.result?.startTime;
  if (!testTimeout || !startTime) return wanted;
  const left = testTimeout - (Date.now() - startTime) - 100;
  return Math.max(0, Math.min(wanted, left));
}
