// Real OpenTelemetry for the msw tests: SDK, async context, http + undici instrumentation, a swappable global
// propagator. A request sent with the header `x-untraced` is skipped by both instrumentations, so a test can
// play a service that forgets, breaks or misplaces the header.
import { createRequire } from 'node:module';
import { context, propagation, type TextMapPropagator, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { fromReadableSpan } from '../../../../src/model/fromReadableSpan.ts';
import type { Span } from '../../../../src/model/Span.ts';

export const UNTRACED = 'x-untraced';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

// A global provider registers only once per process: drop whatever an earlier file left.
trace.disable();
context.disable();
propagation.disable();
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
trace.setGlobalTracerProvider(provider);
registerInstrumentations({
  tracerProvider: provider,
  instrumentations: [
    new HttpInstrumentation({
      ignoreOutgoingRequestHook: (options) => JSON.stringify(options.headers ?? {}).includes(UNTRACED),
    }),
    new UndiciInstrumentation({ ignoreRequestHook: (request) => JSON.stringify(request.headers).includes(UNTRACED) }),
  ],
});

/** node:http loaded as CommonJS after the instrumentation is enabled, so it is patched (see ENVIRONMENT.md). */
export const nodeHttp = createRequire(import.meta.url)('node:http') as typeof import('node:http');

export const tracer = trace.getTracer('tracespec-msw-tests');

/** Replaces the global propagator (the instrumentations read it at every request). */
export function usePropagator(propagator: TextMapPropagator): void {
  propagation.disable();
  propagation.setGlobalPropagator(propagator);
}

/** Every ended span so far, as tracespec spans. */
export function recordedSpans(): Span[] {
  return exporter.getFinishedSpans().map((span) => fromReadableSpan(span));
}

export function resetSpans(): void {
  exporter.reset();
}
