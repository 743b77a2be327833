// Real OpenTelemetry for the framework-free msw tests: SDK with an in-memory exporter, async context, http + undici
// instrumentation and a swappable global propagator.
import { context, propagation, type TextMapPropagator, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { fromReadableSpan } from '../../../../src/model/fromReadableSpan.ts';
import type { Span } from '../../../../src/model/Span.ts';
import { createInstrumentations } from './instrumentations.ts';

const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });

// A global provider registers only once per process: drop whatever an earlier file left.
trace.disable();
context.disable();
propagation.disable();
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
trace.setGlobalTracerProvider(provider);
registerInstrumentations({ tracerProvider: provider, instrumentations: createInstrumentations() });

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
