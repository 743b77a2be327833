import { WaitTimeoutError, waitFor } from 'tracespec/otlp';
import { describe, expect, test } from 'vitest';

describe('waitFor', () => {
  test('resolves with the value of the first check that does not throw', async () => {
    let calls = 0;
    const value = await waitFor(
      () => {
        calls++;
        if (calls < 3) throw new Error(`not yet (${calls})`);
        return 'ready';
      },
      { interval: 1 },
    );
    expect(value).toBe('ready');
    expect(calls).toBe(3);
  });

  test('on timeout, rethrows the last real failure, says why the wait ended, and keeps the call site', async () => {
    let calls = 0;
    const error = await waitFor(
      () => {
        calls++;
        throw new Error(`cart has ${calls} items`);
      },
      { timeout: 50, interval: 5, what: 'cart with 10 items' },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    const timeout = error as WaitTimeoutError;
    expect(timeout.reason).toBe('timeout');
    expect(timeout.message).toMatch(
      /^\[tracespec\] cart with 10 items not met after 50ms \(\d+ checks\)\.\n\ncart has \d+ items$/,
    );
    expect(timeout.message).toContain(`cart has ${calls} items`);
    expect((timeout.cause as Error).message).toBe(`cart has ${calls} items`);
    expect(timeout.stack).toContain('waitFor.test.ts');
  });

  test('an abort signal ends the wait at once, with reason "aborted"', async () => {
    const controller = new AbortController();
    const wait = waitFor(
      () => {
        throw new Error('never');
      },
      { timeout: 60_000, interval: 10_000, signal: controller.signal },
    ).catch((e: unknown) => e);
    controller.abort();
    const error = (await wait) as WaitTimeoutError;
    expect(error.reason).toBe('aborted');
    expect(error.message).toMatch(/condition not met: the wait was aborted after \d+ms/);
    expect(error.elapsedMs).toBeLessThan(5000);
  });

  test('wake re-checks at once instead of waiting out the pause', async () => {
    let notify: () => void = () => {};
    let ready = false;
    const wait = waitFor(
      () => {
        if (!ready) throw new Error('not ready');
        return true;
      },
      {
        timeout: 60_000,
        interval: 30_000,
        wake: (wakeUp) => {
          notify = wakeUp;
          return () => {};
        },
      },
    );
    await Promise.resolve();
    ready = true;
    notify();
    const started = performance.now();
    expect(await wait).toBe(true);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
