import type { TextMapPropagator } from '@opentelemetry/api';
import { BatchSpanProcessor, InMemorySpanExporter, type SpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import {
  installTracing,
  JaegerPropagator,
  type SdkTracerProvider,
  type SpanProcessorLike,
  SpanRecorder,
  type Tracing,
} from 'tracespec';
import { readServiceConfig, type ServiceConfig, type ServiceTracing, serviceTracing } from 'tracespec/service';
import { setupTracing, useRecorder } from 'tracespec/vitest';
import { expectTypeOf, test } from 'vitest';

test('the recorder is a span processor of today’s SDK, and SDK processors fit tracespec’s options', () => {
  expectTypeOf(new SpanRecorder()).toMatchTypeOf<SpanProcessor>();
  const provider = new TracerProvider({ spanProcessors: [new SpanRecorder()] });
  expectTypeOf(provider).toMatchTypeOf<SdkTracerProvider>();
  const batch = new BatchSpanProcessor({ exporter: new InMemorySpanExporter() });
  expectTypeOf(batch).toMatchTypeOf<SpanProcessorLike>();
  expectTypeOf(installTracing)
    .parameter(0)
    .toMatchTypeOf<{ spanProcessors?: readonly SpanProcessorLike[]; sdkFrom?: string | URL } | undefined>();
});

test('setupTracing takes a provider factory; useRecorder a recorder of your own provider', () => {
  expectTypeOf(
    setupTracing({ tracerProvider: (spanProcessors) => new TracerProvider({ spanProcessors: [...spanProcessors] }) }),
  ).toEqualTypeOf<Tracing>();
  expectTypeOf(useRecorder).parameters.toEqualTypeOf<
    [
      SpanRecorder,
      (
        | {
            readonly provider?: import('@opentelemetry/api').TracerProvider;
            readonly openSpans?: 'warn' | 'fail' | 'ignore';
          }
        | undefined
      )?,
    ]
  >();
  expectTypeOf<Tracing['attached']>().toEqualTypeOf<boolean>();
});

test('JaegerPropagator is an OpenTelemetry propagator', () => {
  expectTypeOf(new JaegerPropagator()).toMatchTypeOf<TextMapPropagator>();
});

test('tracespec/service', () => {
  expectTypeOf(serviceTracing).toEqualTypeOf<ServiceTracing>();
  expectTypeOf(serviceTracing.shutdown).returns.toEqualTypeOf<Promise<void>>();
  expectTypeOf(readServiceConfig({}).config).toEqualTypeOf<ServiceConfig>();
  expectTypeOf<ServiceConfig['exporters'][number]['kind']>().toEqualTypeOf<'otlp' | 'zipkin' | 'console' | 'none'>();
});
