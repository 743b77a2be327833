import { setTimeout as delay } from 'node:timers/promises';

/** How {@link waitForHttp} decides that a service is ready. */
export interface WaitForHttpOptions {
  /** Any HTTP answer counts when false (the service listens); a 2xx is needed when true. */
  readonly requireOk: boolean;
  readonly timeoutMs: number;
  /** Rejects, ending the wait at once, when the process being waited for exits. */
  readonly abort: Promise<never>;
}

/**
 * Polls `url` with a growing interval (25 ms up to 500 ms) until it answers, the deadline passes, or `abort`
 * rejects. The timeout error says what the last attempt saw.
 */
export async function waitForHttp(url: string, options: WaitForHttpOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let interval = 25;
  let last = 'no attempt';
  for (;;) {
    const attempt = fetch(url, { signal: AbortSignal.timeout(Math.max(1, Math.min(2_000, deadline - Date.now()))) })
      .then(async (response) => {
        await response.body?.cancel();
        return response.status;
      })
      .catch((error: Error) => (error.cause as Error | undefined)?.message ?? error.message);
    const outcome = await Promise.race([attempt, options.abort]);
    if (typeof outcome === 'number') {
      if (!options.requireOk || (outcome >= 200 && outcome < 300)) return;
      last = `HTTP ${outcome}`;
    } else {
      last = outcome;
    }
    if (Date.now() + interval > deadline) {
      throw new Error(`[tracespec] ${url} not ready after ${options.timeoutMs}ms (last attempt: ${last}).`);
    }
    await Promise.race([delay(interval), options.abort]);
    interval = Math.min(500, interval * 2);
  }
}
