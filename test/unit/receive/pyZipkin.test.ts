import { context, SpanKind, trace } from '@opentelemetry/api';
import { B3InjectEncoding, B3Propagator } from '@opentelemetry/propagator-b3';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { type ReadableSpan, type SpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { startCollector, ZIPKIN_TRACE_ID_ATTRIBUTE } from 'tracespec/otlp';
import { expect, test } from 'vitest';
import { fixture, runChild } from './support/runChild.ts';
import { shapeOf } from './support/shapeOf.ts';

test('a Python py_zipkin service (64-bit ids) and an OpenTelemetry service continuing it by B3 form one trace', async () => {
  await using collector = await startCollector({ grpc: false, token: 't0ken' });
  const output = await runChild('/usr/bin/python3', [fixture('exporters/py_zipkin_inventory.py')], {
    ZIPKIN_URL: collector.endpoints.zipkin,
    AUTHORIZATION: 'Bearer t0ken',
  });
  const b3 = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Record<string, string>;
  expect(b3['X-B3-TraceId']).toMatch(/^[0-9a-f]{16}$/);

  // The OpenTelemetry side: extract with OTel's own B3 propagator, record the server span into the same store.
  const toStore: SpanProcessor = {
    onStart: () => {},
    onEnd: (span: ReadableSpan) => collector.store.addReadable(span),
    forceFlush: async () => {},
    shutdown: async () => {},
  };
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'pricing' }),
    spanProcessors: [toStore],
  });
  const carrier = Object.fromEntries(Object.entries(b3).map(([key, value]) => [key.toLowerCase(), value]));
  const propagator = new B3Propagator({ injectEncoding: B3InjectEncoding.MULTI_HEADER });
  const parent = propagator.extract(context.active(), carrier, {
    get: (c, key) => (c as Record<string, string>)[key],
    keys: (c) => Object.keys(c as object),
  });
  provider.getTracer('pricing').startSpan('GET /price', { kind: SpanKind.SERVER }, parent).end();
  expect(trace.getSpanContext(parent)?.traceId).toBe(b3['X-B3-TraceId']?.padStart(32, '0'));

  const received = await collector.waitForTrace({ rootName: 'GET /stock' }, { timeout: 5000, settle: 20 });
  expect(shapeOf(received)).toEqual([
    'py-inventory server GET /stock unset',
    '  py-inventory client call pricing unset [retrying]',
    '    pricing server GET /price unset',
  ]);
  expect(received.traceId).toBe(`${'0'.repeat(16)}${b3['X-B3-TraceId']}`);
  expect(received.root?.attributes[ZIPKIN_TRACE_ID_ATTRIBUTE]).toBe(b3['X-B3-TraceId']);
  expect(received.root?.attributes['http.route']).toBe('/stock');
  expect(collector.traces().size).toBe(1);
}, 15_000);
