import { startCollector } from 'tracespec/otlp';
import { describe, expect, test } from 'vitest';
import { collectorEnv } from '../../../src/receive/collectorEnv.ts';

describe('collector.env()', () => {
  test('gives exporters the endpoint, protocol, service name, token header and a short batch delay', async () => {
    await using collector = await startCollector({ token: 'a b' });
    const port = new URL(collector.endpoints.otlpHttp).port;
    expect(collector.env({ serviceName: 'cart' })).toEqual({
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
      OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `http://127.0.0.1:${port}/v1/traces`,
      OTEL_EXPORTER_ZIPKIN_ENDPOINT: collector.endpoints.zipkin,
      OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20a%20b',
      OTEL_BSP_SCHEDULE_DELAY: '50',
      OTEL_SERVICE_NAME: 'cart',
      JAEGER_ENDPOINT: collector.endpoints.jaeger,
      JAEGER_AUTH_TOKEN: 'a b',
      JAEGER_AGENT_HOST: '127.0.0.1',
      JAEGER_AGENT_PORT: String(collector.endpoints.jaegerAgent?.compactPort),
      JAEGER_SERVICE_NAME: 'cart',
      JAEGER_SAMPLER_TYPE: 'const',
      JAEGER_SAMPLER_PARAM: '1',
    });
    const grpc = collector.env({ protocol: 'grpc', host: 'host.docker.internal' });
    const grpcPort = new URL(collector.endpoints.otlpGrpc ?? '').port;
    expect(grpc.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT).toBe(`http://host.docker.internal:${grpcPort}`);
    expect(grpc.OTEL_EXPORTER_OTLP_INSECURE).toBe('true');
    expect(grpc.OTEL_EXPORTER_ZIPKIN_ENDPOINT).toBe(`http://host.docker.internal:${port}/api/v2/spans`);
  });

  test('binds 127.0.0.1 on random free ports by default, other addresses when asked', async () => {
    await using a = await startCollector();
    await using b = await startCollector({ host: '::1', grpc: false });
    expect(a.endpoints.otlpHttp).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(a.endpoints.otlpHttp).not.toBe(a.endpoints.otlpGrpc);
    expect(b.endpoints.otlpHttp).toMatch(/^http:\/\/\[::1\]:\d+$/);
    expect(b.endpoints.otlpGrpc).toBeUndefined();
    const res = await fetch(`${b.endpoints.otlpHttp}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
  });

  test('grpc protocol without the gRPC receiver is a clear error; a taken port too', async () => {
    await using collector = await startCollector({ grpc: false });
    expect(() => collector.env({ protocol: 'grpc' })).toThrow(
      '[tracespec] collector.env({ protocol: "grpc" }) needs the gRPC receiver; start the collector without grpc: false.',
    );
    const port = Number(new URL(collector.endpoints.otlpHttp).port);
    await expect(startCollector({ httpPort: port })).rejects.toThrow(
      new RegExp(
        `^\\[tracespec\\] the collector could not listen on 127\\.0\\.0\\.1:${port}: .*EADDRINUSE.*Pick another port or host\\.$`,
      ),
    );
    expect(collectorEnv({ host: '::1', httpPort: 1 }).OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://[::1]:1');
  });
});

test('stop() closes the ports and keeps what was received; calling it twice is fine', async () => {
  const collector = await startCollector();
  const body = JSON.stringify([
    { traceId: '463ac35c9f6413ad', id: 'a2fb4a1d1a96d312', name: 'kept', timestamp: 1700000000000000 },
  ]);
  const res = await fetch(collector.endpoints.zipkin, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  expect(res.status).toBe(202);
  await collector.stop();
  await collector[Symbol.asyncDispose]();
  await expect(fetch(collector.endpoints.zipkin, { method: 'POST', body })).rejects.toThrow();
  expect(
    collector
      .traces()
      .only()
      .spans.map((span) => span.name),
  ).toEqual(['kept']);
});
