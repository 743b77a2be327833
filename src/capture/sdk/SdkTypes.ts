import type { Context, TextMapPropagator, TracerProvider } from '@opentelemetry/api';
import type { ReadableSpanLike } from '../../model/ReadableSpanLike.ts';

/**
 * The structural shape of an OpenTelemetry `SpanProcessor` (the same in `@opentelemetry/sdk-trace` 3.x and
 * `@opentelemetry/sdk-trace-base` 2.x): tracespec's {@link SpanRecorder} is one, and any SDK processor fits.
 *
 * @example
 * const processors: SpanProcessorLike[] = [new SpanRecorder(), new SimpleSpanProcessor({ exporter })];
 */
export interface SpanProcessorLike {
  onStart(span: ReadableSpanLike, parentContext: Context): void;
  onEnd(span: ReadableSpanLike): void;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * A tracer provider of an OpenTelemetry SDK: the API's `TracerProvider` plus flush and shutdown.
 *
 * @example
 * const provider: SdkTracerProvider = new TracerProvider({ spanProcessors: [recorder] });
 */
export interface SdkTracerProvider extends TracerProvider {
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** What tracespec needs from an installed OpenTelemetry trace SDK, whichever line it is. @internal */
export interface TraceSdk {
  /** The package it was loaded from: `@opentelemetry/sdk-trace` or `@opentelemetry/sdk-trace-base`. */
  readonly packageName: string;
  readonly version: string;
  createTracerProvider(options: {
    readonly resource: Readonly<Record<string, unknown>>;
    readonly spanProcessors: readonly SpanProcessorLike[];
  }): SdkTracerProvider;
  /** W3C trace context and baggage propagators of the SDK's own `@opentelemetry/core`. */
  w3cPropagators(): TextMapPropagator[];
  /** The SDK's `BatchSpanProcessor`, for services that export. */
  batchSpanProcessor(exporter: unknown, options: { readonly scheduledDelayMillis: number }): SpanProcessorLike;
  /** The SDK's `ConsoleSpanExporter`. */
  consoleExporter(): object;
}
