/**
 * Why a {@link waitFor} ended without success.
 *
 * @example
 * if (error instanceof WaitTimeoutError && error.reason === 'aborted') return;
 */
export type WaitEndReason = 'timeout' | 'aborted';

/**
 * Thrown by {@link waitFor} when the deadline passed or the signal aborted. The message says what was awaited, why
 * the wait ended, and the last real failure of the check; `cause` is that failure itself.
 *
 * @example
 * try { await waitFor(check, { timeout: 500 }) } catch (e) { if (e instanceof WaitTimeoutError) console.log(e.reason) }
 */
export class WaitTimeoutError extends Error {
  override readonly name = 'WaitTimeoutError';
  readonly reason: WaitEndReason;
  readonly elapsedMs: number;
  readonly attempts: number;

  constructor(
    message: string,
    details: { reason: WaitEndReason; elapsedMs: number; attempts: number; cause: unknown },
  ) {
    super(message, { cause: details.cause });
    this.reason = details.reason;
    this.elapsedMs = details.elapsedMs;
    this.attempts = details.attempts;
  }
}
