import { test as base } from 'vitest';
import { installTracing } from '../capture/installTracing.ts';
import type { TestTraces } from '../capture/TestTraces.ts';
import { configuredTracing, runTestInScope } from './setupTracing.ts';

/** What tracespec's fixture adds to a test's context. */
export interface TracespecFixtures {
  /** The traces this test's code produced (live: each read sees the spans recorded so far). */
  traces: TestTraces;
}

/**
 * vitest's `test`, extended with a `traces` fixture: each test gets its own traces, also under `test.concurrent`.
 * Tracing is installed on first use (or taken from {@link setupTracing}, which sets instrumentations).
 *
 * @example
 * import { expect } from 'vitest';
 * import { test } from 'tracespec/vitest';
 *
 * test('creates an order', async ({ traces }) => {
 *   await createOrder();
 *   expect(traces).toHaveSpan({ name: 'INSERT orders', attributes: { 'db.system': 'postgresql' } });
 * });
 */
export const test = base.extend<TracespecFixtures>({
  traces: [
    async ({ task }, use) => {
      const tracing = configuredTracing()?.tracing ?? installTracing();
      await runTestInScope(tracing, task, (traces) => use(traces), 'enterWith');
    },
    { auto: true },
  ],
});

/** Alias of {@link test}. */
export const it = test;
