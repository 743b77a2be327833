import { context, type TracerProvider, trace } from '@opentelemetry/api';
import { aroundEach, type RunnerTestCase } from 'vitest';
import { adoptRecorder, installTracing, type TracingOptions } from '../capture/installTracing.ts';
import type { SpanRecorder } from '../capture/SpanRecorder.ts';
import { TestTraces } from '../capture/TestTraces.ts';
import { currentScope, enterScope, runInScope, setFallbackScope } from '../capture/testScope.ts';
import type { Tracing } from '../capture/tracingSlot.ts';
import { forgetFailures } from './failureLog.ts';
import { type OpenSpansPolicy, reportOpenSpans } from './openSpans.ts';
import { type FailureLike, saveFailedTraces } from './saveFailedTraces.ts';

/**
 * Options of {@link setupTracing}.
 *
 * @example
 * const options: SetupTracingOptions = { serviceName: 'orders', openSpans: 'fail' };
 * setupTracing(options);
 */
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
  return scopeEveryTest(installTracing(options), options.openSpans);
}

/**
 * Uses a {@link SpanRecorder} that you added to a tracer provider of your own (SDK 2.x or 3.x), instead of the
 * provider {@link setupTracing} would build; like `setupTracing`, it gives every test its own traces (read them
 * with {@link traces}). Call it in a vitest setup file, after your provider is created.
 *
 * @example
 * // vitest.setup.ts
 * import { TracerProvider } from '@opentelemetry/sdk-trace';
 * import { SpanRecorder } from 'tracespec';
 * import { useRecorder } from 'tracespec/vitest';
 * const recorder = new SpanRecorder();
 * trace.setGlobalTracerProvider(new TracerProvider({ spanProcessors: [recorder, myExporter] }));
 * useRecorder(recorder);
 */
export function useRecorder(
  recorder: SpanRecorder,
  options: { readonly provider?: TracerProvider; readonly openSpans?: OpenSpansPolicy } = {},
): Tracing {
  return scopeEveryTest(adoptRecorder(recorder, options.provider), options.openSpans);
}

function scopeEveryTest(tracing: Tracing, openSpans: OpenSpansPolicy | undefined): Tracing {
  current = { tracing, openSpans: openSpans ?? 'warn' };
  // vitest reads the fixtures a hook needs from its parameters, so the context must be destructured.
  aroundEach(async (runTest, { task }) => {
    // A span active around the test (vitest's own test span under experimental.openTelemetry) would make every
    // test's spans one trace: each test starts from a context without it, so its code starts a trace of its own.
    const outer = trace.getSpan(context.active());
    const run = () => runTestInScope(tracing, task, runTest);
    await (outer ? context.with(trace.deleteSpan(context.active()), run) : run());
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

/**
 * Internal: runs one test in its own scope, reports its open spans, saves its traces when it failed (see
 * `TracespecReporter`), then forgets its spans. Shared by the setup-file form and the fixture.
 */
export async function runTestInScope<T>(
  tracing: Tracing,
  task: Readonly<RunnerTestCase>,
  run: (traces: TestTraces) => Promise<T>,
  enter: 'run' | 'enterWith' = 'run',
): Promise<T> {
  const scope = task.id;
  const testTraces = new TestTraces(tracing.store, scope);
  perTest.set(scope, testTraces);
  const sequential = task.concurrent !== true;
  let thrown: { error: unknown } | undefined;
  if (sequential) setFallbackScope(scope);
  try {
    // A fixture's async context reaches the test body only through enterWith; a hook can wrap the test in run().
    if (enter === 'enterWith') enterScope(scope);
    const result = enter === 'run' ? await runInScope(scope, () => run(testTraces)) : await run(testTraces);
    reportOpenSpans(tracing.recorder, scope, task.name, current?.openSpans ?? 'warn');
    return result;
  } catch (error) {
    thrown = { error };
    throw error;
  } finally {
    // vitest has marked a failed test by now; its spans must be saved before they are cleared below.
    if (thrown !== undefined || task.result?.state === 'fail') await saveTraces(task, testTraces, thrown);
    if (sequential) setFallbackScope(undefined);
    perTest.delete(scope);
    forgetFailures(scope);
    tracing.store.clear({ scope });
    tracing.recorder.forgetOpenSpans({ scope });
  }
}

async function saveTraces(
  task: Readonly<RunnerTestCase>,
  testTraces: TestTraces,
  thrown: { error: unknown } | undefined,
): Promise<void> {
  // The errors vitest recorded (soft assertions included), and the one thrown through the fixture if vitest has
  // not recorded it yet.
  const errors: FailureLike[] = [...(task.result?.errors ?? [])];
  if (thrown !== undefined) {
    const error = thrown.error as FailureLike;
    const message = typeof error?.message === 'string' ? error.message : String(thrown.error);
    if (!errors.some((known) => known.message === message)) errors.push({ ...error, message, name: error?.name });
  }
  try {
    await saveFailedTraces(task, testTraces.traceSet(), errors, testTraces.strays());
  } catch (error) {
    console.warn(`[tracespec] could not save the traces of the failed test "${task.name}": ${String(error)}`);
  }
}
