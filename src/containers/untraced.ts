import { context, createContextKey } from '@opentelemetry/api';

// The key OpenTelemetry's SDK and instrumentations read to suppress tracing (`suppressTracing()` of
// @opentelemetry/core). Context keys are `Symbol.for(description)`, so this is the same key in every copy and
// line of the API, and tracespec needs no SDK package to set it.
const SUPPRESS_TRACING = createContextKey('OpenTelemetry SDK Context Key SUPPRESS_TRACING');

/**
 * Runs `work` with tracing suppressed: the Docker API calls, image builds and readiness probes that starting and
 * stopping services makes from the test process are tracespec's plumbing, and must not show up as spans beside the
 * system under test (in `expect(collector)` or in a test's traces).
 *
 * @example
 * const started = await untraced(() => container.start());
 */
export function untraced<T>(work: () => T): T {
  return context.with(context.active().setValue(SUPPRESS_TRACING, true), work);
}
