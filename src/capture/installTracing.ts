import { createRequire } from 'node:module';
import { context, propagation, type TextMapPropagator, type TracerProvider, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import type { Attributes } from '../model/Span.ts';
import { SpanRecorder } from './SpanRecorder.ts';
import type { SpanStore } from './SpanStore.ts';
import { attachToProvider, registeredProvider } from './sdk/attachToProvider.ts';
import { compositePropagator } from './sdk/compositePropagator.ts';
import { loadTraceSdk } from './sdk/loadTraceSdk.ts';
import type { SdkTracerProvider, SpanProcessorLike } from './sdk/SdkTypes.ts';
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
  readonly spanProcessors?: readonly SpanProcessorLike[];
  /** The store to record into (share one with a collector so in-process and received spans meet). */
  readonly store?: SpanStore;
  /**
   * Builds the tracer provider yourself, with any SDK line: it must pass `spanProcessors` (tracespec's recorder
   * first) to the provider. tracespec registers it globally. Without it, tracespec builds one with the installed
   * SDK: `@opentelemetry/sdk-trace` 3.x first, else `@opentelemetry/sdk-trace-base` 2.x.
   */
  readonly tracerProvider?: (spanProcessors: readonly SpanProcessorLike[]) => SdkTracerProvider;
  /**
   * Where to look for the installed SDK (a file or folder of the project that has it); default: where tracespec is
   * installed, then the current directory. `TRACESPEC_OTEL_SDK_FROM` sets it too.
   */
  readonly sdkFrom?: string | URL;
}

/**
 * Sets up tracing for a test process, once: a tracer provider whose span processor is tracespec's recorder, the
 * AsyncLocalStorage context manager and the W3C propagators, registered globally; then enables the given
 * instrumentations and makes sure `node:http`/`node:https` are patched even when tests import them as ES modules.
 * The provider comes from the installed OpenTelemetry SDK (3.x `@opentelemetry/sdk-trace`, or 2.x
 * `@opentelemetry/sdk-trace-base`), or from `tracerProvider`.
 *
 * When another provider is already registered (vitest's `experimental.openTelemetry`, or a set-up of your own),
 * tracespec adds its recorder to that provider instead and keeps its context manager and propagators.
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
  const spanProcessors = [recorder, ...(options.spanProcessors ?? [])];
  const registered = registeredProvider(trace.getTracerProvider());
  const instrumentations = [...(options.instrumentations ?? [])];
  const tracing = registered
    ? attachTracing(registered, recorder, spanProcessors, instrumentations)
    : ownTracing(options, recorder, spanProcessors, instrumentations);
  enableInstrumentations(instrumentations, tracing.provider);
  slot.tracing = tracing;
  return tracing;
}

/** tracespec's own provider, registered globally with a context manager and propagators. */
function ownTracing(
  options: TracingOptions,
  recorder: SpanRecorder,
  spanProcessors: readonly SpanProcessorLike[],
  instrumentations: readonly InstrumentationLike[],
): Tracing {
  const resource = { 'service.name': options.serviceName ?? 'test', ...options.resource };
  const sdk = options.tracerProvider && options.propagators ? undefined : loadTraceSdk(options.sdkFrom);
  const provider = options.tracerProvider
    ? options.tracerProvider(spanProcessors)
    : (sdk?.createTracerProvider({ resource, spanProcessors }) as SdkTracerProvider);
  const contextManager = new AsyncLocalStorageContextManager().enable();
  if (!context.setGlobalContextManager(contextManager)) {
    contextManager.disable();
    throw alreadyRegistered('context manager');
  }
  if (!trace.setGlobalTracerProvider(provider)) {
    context.disable();
    throw alreadyRegistered('tracer provider');
  }
  propagation.setGlobalPropagator(compositePropagator(options.propagators ?? sdk?.w3cPropagators() ?? []));
  return {
    recorder,
    store: recorder.store,
    provider,
    attached: false,
    sdk: sdk && !options.tracerProvider ? `${sdk.packageName}@${sdk.version}` : 'the tracerProvider option',
    async shutdown() {
      for (const instrumentation of instrumentations) instrumentation.disable();
      trace.disable();
      context.disable();
      propagation.disable();
      await provider.shutdown();
      slot.tracing = undefined;
    },
  };
}

/** The recorder added to a provider registered before tracespec (vitest's own SDK, or the user's). */
function attachTracing(
  provider: TracerProvider,
  recorder: SpanRecorder,
  spanProcessors: readonly SpanProcessorLike[],
  instrumentations: readonly InstrumentationLike[],
): Tracing {
  const detachers = spanProcessors.map((processor) => attachToProvider(provider, processor));
  if (detachers.some((detach) => detach === undefined)) {
    for (const detach of detachers) detach?.();
    throw new Error(
      `[tracespec] another OpenTelemetry tracer provider (${provider.constructor?.name ?? 'unknown'}) is already registered in this process, ` +
        "and tracespec cannot add its recorder to it (it is not an SDK 2.x or 3.x provider). Either let tracespec set up tracing (remove the other set-up from the test process), or add tracespec's recorder to that provider yourself: " +
        "const recorder = new SpanRecorder(); pass it in the provider's spanProcessors (with vitest's experimental.openTelemetry, in the SDK of your sdkPath file), then call useRecorder(recorder) from 'tracespec/vitest' in a setup file.",
    );
  }
  // Keep what the other set-up registered; fill in only what is missing.
  const contextManager = new AsyncLocalStorageContextManager().enable();
  if (!context.setGlobalContextManager(contextManager)) contextManager.disable();
  return {
    recorder,
    store: recorder.store,
    provider,
    attached: true,
    sdk: `a tracer provider registered before tracespec (${provider.constructor?.name ?? 'unknown'})`,
    async shutdown() {
      for (const instrumentation of instrumentations) instrumentation.disable();
      for (const detach of detachers) detach?.();
      slot.tracing = undefined;
    },
  };
}

/**
 * Uses a recorder the user added to a tracer provider of their own, instead of {@link installTracing}'s provider.
 * Framework-free: in vitest, call `useRecorder` from `tracespec/vitest`, which also gives each test its traces.
 *
 * @example
 * const recorder = new SpanRecorder();
 * const provider = new TracerProvider({ spanProcessors: [recorder] });
 * adoptRecorder(recorder, provider);
 */
export function adoptRecorder(recorder: SpanRecorder, provider: TracerProvider = trace.getTracerProvider()): Tracing {
  const tracing: Tracing = {
    recorder,
    store: recorder.store,
    provider,
    attached: true,
    sdk: 'a tracer provider of your own (useRecorder)',
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
      "new TracerProvider({ spanProcessors: [recorder] }) with const recorder = new SpanRecorder(), then call useRecorder(recorder) from 'tracespec/vitest'.",
  );
}
