import { gzipSync } from 'node:zlib';
import { Client, credentials, Metadata } from '@grpc/grpc-js';
import { startCollector } from 'tracespec/otlp';
import { expect, test } from 'vitest';
import { encodeOtlpJson, encodeOtlpProto, spanIdOf, type TestSpan, traceIdOf } from './support/encodeOtlp.ts';
import { runScenario } from './support/runChild.ts';

const CLIENTS = 40;
const REQUESTS_PER_CLIENT = 25;
const SPANS_PER_REQUEST = 100;
const TOTAL = CLIENTS * REQUESTS_PER_CLIENT * SPANS_PER_REQUEST;
const PATHS = ['http-proto', 'http-json', 'http-proto-gzip', 'grpc', 'zipkin'] as const;

test(`${CLIENTS} concurrent clients over every path send ${TOTAL} spans: each stored exactly once`, async () => {
  await using collector = await startCollector({ token: 'load' });
  const grpcClient = new Client(
    (collector.endpoints.otlpGrpc ?? '').replace('http://', ''),
    credentials.createInsecure(),
  );
  const metadata = new Metadata();
  metadata.set('authorization', 'Bearer load');
  const headers = { authorization: 'Bearer load' };

  const send = async (path: (typeof PATHS)[number], spans: TestSpan[]) => {
    if (path === 'grpc') {
      await new Promise<void>((resolve, reject) =>
        grpcClient.makeUnaryRequest(
          '/opentelemetry.proto.collector.trace.v1.TraceService/Export',
          (b: Uint8Array) => Buffer.from(b),
          (b: Buffer) => b,
          encodeOtlpProto(spans),
          metadata,
          (error) => (error ? reject(error) : resolve()),
        ),
      );
      return;
    }
    const [url, type, body, encoding] =
      path === 'zipkin'
        ? [collector.endpoints.zipkin, 'application/json', JSON.stringify(spans.map(zipkinSpan)), undefined]
        : path === 'http-json'
          ? [`${collector.endpoints.otlpHttp}/v1/traces`, 'application/json', encodeOtlpJson(spans), undefined]
          : path === 'http-proto'
            ? [`${collector.endpoints.otlpHttp}/v1/traces`, 'application/x-protobuf', encodeOtlpProto(spans), undefined]
            : [
                `${collector.endpoints.otlpHttp}/v1/traces`,
                'application/x-protobuf',
                gzipSync(encodeOtlpProto(spans)),
                'gzip',
              ];
    const res = await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': type, ...(encoding ? { 'content-encoding': encoding } : {}) },
      body,
    });
    expect(res.status).toBeLessThan(300);
    await res.arrayBuffer();
  };

  const client = async (c: number) => {
    const path = PATHS[c % PATHS.length] ?? 'http-proto';
    for (let r = 0; r < REQUESTS_PER_CLIENT; r++) {
      const base = (c * REQUESTS_PER_CLIENT + r) * SPANS_PER_REQUEST;
      // One trace per request: a root and its children, so trace grouping is exercised too.
      const spans = Array.from({ length: SPANS_PER_REQUEST }, (_, i) => ({
        traceId: traceIdOf(base + 1),
        spanId: spanIdOf(base + i + 1),
        ...(i === 0 ? {} : { parentSpanId: spanIdOf(base + 1) }),
        name: `${path} ${i}`,
      }));
      await send(path, spans);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  grpcClient.close();

  expect(collector.store.size).toBe(TOTAL);
  const ids = new Set(collector.store.spans().map((span) => span.spanId));
  expect(ids.size).toBe(TOTAL);
  const traces = collector.traces();
  expect(traces.size).toBe(CLIENTS * REQUESTS_PER_CLIENT);
  expect(traces.traces.every((trace) => trace.root !== undefined && trace.size === SPANS_PER_REQUEST)).toBe(true);
}, 30_000);

function zipkinSpan(span: TestSpan) {
  return {
    traceId: span.traceId,
    id: span.spanId,
    ...(span.parentSpanId ? { parentId: span.parentSpanId } : {}),
    name: span.name,
    kind: 'SERVER',
    timestamp: 1_700_000_000_000_000,
    duration: 1000,
    localEndpoint: { serviceName: 'load' },
  };
}

test('8 child processes with the real exporters (http/json, http/protobuf, gRPC, Zipkin) at once: exact count', async () => {
  await using collector = await startCollector();
  const repeat = 250; // 4 spans per checkout
  const exporters = [
    ['http-json', 'http/json'],
    ['http-proto', 'http/protobuf'],
    ['grpc', 'grpc'],
    ['zipkin', 'http/protobuf'],
  ] as const;
  const children = Array.from({ length: 8 }, (_, i) => {
    const [exporter, protocol] = exporters[i % exporters.length] ?? exporters[0];
    return runScenario(exporter, {
      ...collector.env({ protocol }),
      REPEAT: String(repeat),
      // The SDK drops spans beyond its queue; make it hold a whole run so any loss would be the collector's.
      OTEL_BSP_MAX_QUEUE_SIZE: '100000',
    });
  });
  await Promise.all(children);
  expect(collector.store.size).toBe(8 * repeat * 4);
  const traces = collector.traces();
  expect(traces.size).toBe(8 * repeat);
  expect(traces.traces.every((trace) => trace.root?.name === 'POST /checkout' && trace.size === 4)).toBe(true);
}, 30_000);
