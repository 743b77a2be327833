// Both OpenTelemetry lines at once: today's (API 1.10, @opentelemetry/sdk-trace 3.x) at the repository root, and
// the 2.x line (API 1.9, @opentelemetry/sdk-trace-base 2.12) in the test/fixtures/otel2 workspace. This file also
// runs in the sdk2 project, where tracespec itself is on the 2.x line.
import { createRequire } from 'node:module';
import { trace } from '@opentelemetry/api';
import { fromReadableSpan, installTracing, type ReadableSpanLike, SpanRecorder, Trace } from 'tracespec';
import { afterAll, describe, expect, test } from 'vitest';
import { traceSdkOf } from '../../../src/capture/sdk/loadTraceSdk.ts';
import { requireOtel2 } from '../../support/otel2.ts';

type Tracer = { startSpan(name: string, options?: object, context?: unknown): { end(): void } };
type Provider = { getTracer(name: string): Tracer; shutdown(): Promise<void> };
interface SdkModule {
  SimpleSpanProcessor: new (...args: unknown[]) => unknown;
  InMemorySpanExporter: new () => { getFinishedSpans(): ReadableSpanLike[] };
}

const line = process.env.TRACESPEC_OTEL_LINE === '2' ? '2' : '3';
const requireRoot = createRequire(import.meta.url);

describe.each([
  ['3.x', requireRoot, '@opentelemetry/sdk-trace', 'TracerProvider'],
  ['2.x', requireOtel2, '@opentelemetry/sdk-trace-base', 'BasicTracerProvider'],
] as const)('spans of the %s line', (_line, require, packageName, providerClass) => {
  test('convert structurally, parents included', () => {
    const sdk = require(packageName) as SdkModule & Record<string, new (options: object) => Provider>;
    const api = require('@opentelemetry/api') as typeof import('@opentelemetry/api');
    const exporter = new sdk.InMemorySpanExporter();
    const processor =
      packageName === '@opentelemetry/sdk-trace-base'
        ? new sdk.SimpleSpanProcessor(exporter)
        : new sdk.SimpleSpanProcessor({ exporter });
    const Provider = sdk[providerClass] as new (options: object) => Provider;
    const tracer = new Provider({ spanProcessors: [processor] }).getTracer('lines');
    const parent = tracer.startSpan('parent') as unknown as { end(): void };
    tracer
      .startSpan('child', { kind: 3, attributes: { n: 1 } }, api.trace.setSpan(api.ROOT_CONTEXT, parent as never))
      .end();
    parent.end();
    const converted = Trace.of(exporter.getFinishedSpans().map((span) => fromReadableSpan(span)));
    expect(converted.spans.map((span) => [span.name, span.kind, span.scope.name])).toEqual([
      ['parent', 'internal', 'lines'],
      ['child', 'producer', 'lines'],
    ]);
    expect(converted.spans[1]?.attributes).toEqual({ n: 1 });
  });

  test('tracespec drives its SDK: provider with the resource, recorder and batch processor', async () => {
    const sdkModule = require(packageName) as Record<string, unknown>;
    const sdk = traceSdkOf(packageName, sdkModule, (name) => createRequire(require.resolve(packageName))(name));
    if (!sdk) throw new Error(`${packageName} was not recognised`);
    const recorder = new SpanRecorder();
    const exporter = new (sdkModule.InMemorySpanExporter as SdkModule['InMemorySpanExporter'])();
    const batch = sdk.batchSpanProcessor(exporter, { scheduledDelayMillis: 60_000 });
    const provider = sdk.createTracerProvider({
      resource: { 'service.name': 'lines' },
      spanProcessors: [recorder, batch],
    });
    provider.getTracer('t').startSpan('work').end();
    expect(recorder.store.spans().map((span) => `${span.service} ${span.name}`)).toEqual(['lines work']);
    await provider.forceFlush();
    expect(exporter.getFinishedSpans().map((span) => span.name)).toEqual(['work']);
    expect(sdk.w3cPropagators().map((propagator) => propagator.fields())).toEqual([
      ['traceparent', 'tracestate'],
      ['baggage'],
    ]);
    await provider.shutdown();
  });
});

describe(`installTracing on the ${line}.x line`, () => {
  const tracing = installTracing({ serviceName: 'lines' });
  afterAll(() => tracing.shutdown());

  test('takes the SDK of the line it runs on, and registers with that line’s API', () => {
    expect(tracing.sdk).toBe(line === '2' ? '@opentelemetry/sdk-trace@2.12.1' : '@opentelemetry/sdk-trace@3.1.1');
    const global = (globalThis as Record<symbol, { version?: string } | undefined>)[
      Symbol.for('opentelemetry.js.api.1')
    ];
    expect(global?.version).toBe(line === '2' ? '1.9.0' : '1.10.0');
    trace.getTracer('lines').startSpan('recorded').end();
    expect(tracing.store.spans().map((span) => `${span.service} ${span.name}`)).toEqual(['lines recorded']);
  });
});
