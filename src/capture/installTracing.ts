import { createRequire } from 'node:module';
import { context, propagation, type TextMapPropagator, type TracerProvider, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Attributes } from '../model/Span.ts';
import { SpanRecorder } from './SpanRecorder.ts';
import type { SpanStore } from './SpanStore.ts';
import { slot, type Tracing } from './tracingSlot.ts';

/** The part of an OpenTelemetry instrumentation tracespec needs (every `Instrumentation` has it). */
export interface InstrumentationLike {
  setTracerProvider(provider: TracerProvider): void;
  enable(): void;
  disable(): void;
}

/** Options of {@link installTracing}. */
export interface TracingOptions {
  /** `service.name` of the in-process spans. Default `test`. */
  readonly serviceName?: string;
  /** More resource attributes. */
  readonly resource?: Attributes;
  /** Instrumentations to enable, e.g. `new HttpInstrumentation()`; tracespec makes them see `node:http`. */
  readonly instrumentations?: readonly InstrumentationLike[];
  /** Propagators; default W3C trace context and baggage. */
  readonly propagators?: readonly TextMapPropagator[];
  /** More span processors beside the recorder (e.g. an exporter while debugging). */
  readonly spanProcessors?: readonly SpanProcessor[];
  /** The store to record into (share one with a collector so in-process and received spans meet). */
  readonly store?: SpanStore;
}

/**
 * Sets up tracing for a test process, once: a tracer provider whose span processor is tracespec's recorder, the
 * AsyncLocalStorage context manager and the W3C propagators, registered globally; then enables the given
 * instrumentations and makes sure `node:http`/`node:https` are patched even when tests import them as ES modules.
 * A second call returns the tracing already installed (and enables any new instrumentations).
 *
 * @example
 * import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
 * const tracing = installTracing({ serviceName: 'orders', instrumentations: [new HttpInstrumentation()] });
 */
export function installTracing(options: TracingOptions = {}): Tracing {
  const existing = slot.tracing;
  if (existing) {
    enableInstrumentations(options.instrumentations ?? [], existing.provider);
    return existing;
  }
  const recorder = new SpanRecorder(options.store ? { store: options.store } : {});
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName ?? 'test', ...options.resource }),
    spanProcessors: [recorder, ...(options.spanProcessors ?? [])],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  if (!context.setGlobalContextManager(contextManager)) {
    contextManager.disable();
    throw alreadyRegistered('context manager');
  }
  if (!trace.setGlobalTracerProvider(provider)) {
    context.disable();
    throw alreadyRegistered('tracer provider');
  }
  const propagator = new CompositePropagator({
    propagators: [...(options.propagators ?? [new W3CTraceContextPropagator(), new W3CBaggagePropagator()])],
  });
  propagation.setGlobalPropagator(propagator);
  const instrumentations = [...(options.instrumentations ?? [])];
  enableInstrumentations(instrumentations, provider);
  const tracing: Tracing = {
    recorder,
    store: recorder.store,
    provider,
    async shutdown() {
      for (const instrumentation of instrumentations) instrumentation.disable();
      trace.disable();
      context.disable();
      propagation.disable();
      await provider.shutdown();
      slot.tracing = undefined;
    },
  };
  slot.tracing = tracing;
  return tracing;
}

/**
 * Uses a recorder the user added to a tracer provider of their own, instead of {@link installTracing}'s provider:
 * the vitest integration then reads that recorder's spans.
 *
 * @example
 * const recorder = new SpanRecorder();
 * const provider = new NodeTracerProvider({ spanProcessors: [recorder] });
 * provider.register();
 * useRecorder(recorder, provider);
 */
export function useRecorder(recorder: SpanRecorder, provider: TracerProvider = trace.getTracerProvider()): Tracing {
  const tracing: Tracing = {
    recorder,
    store: recorder.store,
    provider,
    async shutdown() {
      slot.tracing = undefined;
    },
  };
  slot.tracing = tracing;
  return tracing;
}

function enableInstrumentations(instrumentations: readonly InstrumentationLike[], provider: TracerProvider): void {
  if (instrumentations.length === 0) return;
  for (const instrumentation of instrumentations) {
    instrumentation.setTracerProvider(provider);
    instrumentation.enable();
  }
  // ESM imports of node:http bypass require-in-the-middle until the CommonJS builtin is loaded once after the
  // instrumentation is enabled; after that, default and named ESM imports see the patched module.
  const require = createRequire(import.meta.url);
  require('node:http');
  require('node:https');
}

function alreadyRegistered(what: string): Error {
  return new Error(
    `[tracespec] installTracing(): another OpenTelemetry ${what} is already registered globally. ` +
      "Either remove your own setup from the test process, or keep it and add tracespec's recorder to your provider: " +
      'new NodeTracerProvider({ spanProcessors: [recorder] }) with const recorder = new SpanRecorder(), then call useRecorder(recorder).',
  );
}
