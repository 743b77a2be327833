import { aroundEach } from 'vitest';
import { installTracing, type TracingOptions } from '../capture/installTracing.ts';
import { TestTraces } from '../capture/TestTraces.ts';
import { currentScope, enterScope, runInScope, setFallbackScope } from '../capture/testScope.ts';
import type { Tracing } from '../capture/tracingSlot.ts';
import { type OpenSpansPolicy, reportOpenSpans } from './openSpans.ts';

/** Options of {@link setupTracing}. */
export interface SetupTracingOptions extends TracingOptions {
  /** Spans a test started and never ended: `warn` (default), `fail` the test, or `ignore`. */
  readonly openSpans?: OpenSpansPolicy;
}

let current: { tracing: Tracing; openSpans: OpenSpansPolicy } | undefined;
const perTest = new Map<string, TestTraces>();

/**
 * The setup-file form: call it in a vitest `setupFiles` module. It installs tracing once per worker, runs every
 * test in its own trace scope (also under `test.concurrent`), reports spans left open, and forgets each test's
 * spans when it ends. Tests then read their traces with {@link traces}.
 *
 * @example
 * // vitest.setup.ts
 * import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
 * import { setupTracing } from 'tracespec/vitest';
 * setupTracing({ serviceName: 'orders', instrumentations: [new HttpInstrumentation()] });
 */
export function setupTracing(options: SetupTracingOptions = {}): Tracing {
  const tracing = installTracing(options);
  current = { tracing, openSpans: options.openSpans ?? 'warn' };
  // vitest reads the fixtures a hook needs from its parameters, so the context must be destructured.
  aroundEach(async (runTest, { task }) => {
    await runTestInScope(tracing, task, runTest);
  });
  return tracing;
}

/** Internal: the tracing {@link setupTracing} installed, for the fixture. */
export function configuredTracing(): { tracing: Tracing; openSpans: OpenSpansPolicy } | undefined {
  return current;
}

/**
 * The current test's traces, in the setup-file form (see {@link setupTracing}). Call it inside a test.
 *
 * @example
 * import { traces } from 'tracespec/vitest';
 * test('lists orders', async () => {
 *   await fetch(`${baseUrl}/orders`);
 *   expect(traces()).toHaveSpan({ name: 'GET /orders', kind: 'server' });
 * });
 */
export function traces(): TestTraces {
  const scope = currentScope();
  const found = scope === undefined ? undefined : perTest.get(scope);
  if (found) return found;
  throw new Error(
    '[tracespec] traces() was called outside a test, or setupTracing() was not called in a vitest setup file. ' +
      "Add setupTracing() to a file listed in test.setupFiles, or use the fixture: import { test } from 'tracespec/vitest' and test('...', ({ traces }) => ...).",
  );
}

/** The part of vitest's task tracespec reads. */
interface TaskLike {
  readonly id: string;
  readonly name: string;
  readonly concurrent?: boolean | undefined;
}

/**
 * Internal: runs one test in its own scope, reports its open spans, then forgets its spans. Shared by the
 * setup-file form and the fixture.
 */
export async function runTestInScope<T>(
  tracing: Tracing,
  task: TaskLike,
  run: (traces: TestTraces) => Promise<T>,
  enter: 'run' | 'enterWith' = 'run',
): Promise<T> {
  const scope = task.id;
  const testTraces = new TestTraces(tracing.store, scope);
  perTest.set(scope, testTraces);
  const sequential = task.concurrent !== true;
  if (sequential) setFallbackScope(scope);
  try {
    // A fixture's async context reaches the test body only through enterWith; a hook can wrap the test in run().
    if (enter === 'enterWith') enterScope(scope);
    const result = enter === 'run' ? await runInScope(scope, () => run(testTraces)) : await run(testTraces);
    reportOpenSpans(tracing.recorder, scope, task.name, current?.openSpans ?? 'warn');
    return result;
  } finally {
    if (sequential) setFallbackScope(undefined);
    perTest.delete(scope);
    tracing.store.clear({ scope });
    tracing.recorder.forgetOpenSpans({ scope });
  }
}
