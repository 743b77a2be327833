import { context, trace } from '@opentelemetry/api';
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
      const configured = configuredTracing()?.tracing;
      const tracing = configured ?? installTracing();
      if (!configured) refuseOuterSpan(tracing.store.ownerOf.bind(tracing.store), task.id);
      await runTestInScope(tracing, task, (traces) => use(traces), 'enterWith');
    },
    { auto: true },
  ],
});

/** Alias of {@link test}. */
export const it = test;

/**
 * A span active around the test body that does not belong to the test (vitest's own test span under
 * `experimental.openTelemetry`) makes every test's spans one trace; a fixture cannot run the test outside it, the
 * setup-file form can.
 */
function refuseOuterSpan(ownerOf: (traceId: string) => string | undefined, scope: string): void {
  const outer = trace.getSpan(context.active())?.spanContext();
  if (outer === undefined || ownerOf(outer.traceId) === scope) return;
  throw new Error(
    `[tracespec] the test runs inside a span that is not its own (trace ${outer.traceId}, e.g. vitest's experimental.openTelemetry test span), ` +
      "so every test's spans would join one trace and could not be told apart. Call setupTracing() from 'tracespec/vitest' in a file listed in test.setupFiles: " +
      'it starts each test outside that span, in a trace of its own (the fixture keeps working with it).',
  );
}
