import { WaitTimeoutError } from './WaitTimeoutError.ts';

/**
 * How {@link waitFor} polls.
 *
 * @example
 * await waitFor(check, { timeout: 2000, interval: 10, maxInterval: 200, signal, what: 'cart with 3 items' });
 */
export interface WaitForOptions {
  /** Give up after this many milliseconds (default 5000). */
  readonly timeout?: number;
  /** First pause between checks in ms (default 10); it grows by `backoff` up to `maxInterval`. */
  readonly interval?: number;
  /** Growth factor of the pause (default 1.5). */
  readonly backoff?: number;
  /** Longest pause between checks in ms (default 250). */
  readonly maxInterval?: number;
  /** Stops the wait early, e.g. the test's own signal. */
  readonly signal?: AbortSignal;
  /** What is awaited, for the failure message: `"trace with root 'checkout'"`. */
  readonly what?: string;
  /** When the next check can first succeed, in ms from now (e.g. the rest of a settle window); shortens the pause. */
  readonly nextCheckIn?: () => number | undefined;
  /** Re-check at once when something changes: called with a wake-up function, returns an unsubscribe function. */
  readonly wake?: (notify: () => void) => () => void;
}

/**
 * Calls `check` until it returns without throwing, and resolves with its value. Between attempts it pauses with a
 * growing backoff (or less, when `wake` fires). When the deadline passes or the signal aborts, it throws a
 * {@link WaitTimeoutError} with the last real failure of `check` and why the wait ended; the stack points at the
 * caller of `waitFor`, not at a timer.
 *
 * @example
 * const trace = await waitFor(() => {
 *   const found = store.trace(id);
 *   if (!found?.root) throw new Error('no root yet');
 *   return found;
 * }, { timeout: 2000, what: `trace ${id}` });
 */
export async function waitFor<T>(check: () => T | Promise<T>, options: WaitForOptions = {}): Promise<T> {
  const callSite = new Error('waitFor call site');
  const timeout = options.timeout ?? 5000;
  const maxInterval = options.maxInterval ?? 250;
  const backoff = options.backoff ?? 1.5;
  const started = performance.now();
  const deadline = started + timeout;
  let pause = options.interval ?? 10;
  let attempts = 0;
  let lastError: unknown;
  let wakeUp: (() => void) | undefined;
  const unsubscribe = options.wake?.(() => wakeUp?.());
  try {
    for (;;) {
      attempts++;
      try {
        return await check();
      } catch (error) {
        lastError = error;
      }
      const now = performance.now();
      const ended = options.signal?.aborted ? 'aborted' : now >= deadline ? 'timeout' : undefined;
      if (ended) throw endError(ended, options, lastError, now - started, attempts, timeout, callSite);
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          options.signal?.removeEventListener('abort', done);
          wakeUp = undefined;
          resolve();
        };
        const hint = options.nextCheckIn?.();
        const wait = hint === undefined ? pause : Math.max(0, Math.min(pause, hint));
        const timer = setTimeout(done, Math.min(wait, deadline - now));
        options.signal?.addEventListener('abort', done);
        wakeUp = done;
      });
      pause = Math.min(pause * backoff, maxInterval);
    }
  } finally {
    unsubscribe?.();
  }
}

function endError(
  reason: 'timeout' | 'aborted',
  options: WaitForOptions,
  lastError: unknown,
  elapsedMs: number,
  attempts: number,
  timeout: number,
  callSite: Error,
): WaitTimeoutError {
  const what = options.what ?? 'condition';
  const why = reason === 'timeout' ? ` after ${timeout}ms` : `: the wait was aborted after ${Math.round(elapsedMs)}ms`;
  const last = lastError instanceof Error ? lastError.message : String(lastError);
  const error = new WaitTimeoutError(`[tracespec] ${what} not met${why} (${attempts} checks).\n\n${last}`, {
    reason,
    elapsedMs,
    attempts,
    cause: lastError,
  });
  const frames = callSite.stack?.split('\n').slice(1).join('\n');
  if (frames) error.stack = `${error.name}: ${error.message}\n${frames}`;
  return error;
}
