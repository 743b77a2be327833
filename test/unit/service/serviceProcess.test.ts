// tracespec/service in a real child process: `node --import tracespec/service server.mjs`, an ES-module service
// that imports node:http, exporting to a real collector over loopback.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { SpanStore } from 'tracespec';
import { type Collector, startCollector } from 'tracespec/otlp';
import { afterEach, describe, expect, onTestFinished, test } from 'vitest';

const repository = fileURLToPath(new URL('../../../', import.meta.url));
const server = fileURLToPath(new URL('../../fixtures/service/server.mjs', import.meta.url));
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = '00f067aa0ba902b7';

interface Service {
  readonly child: ChildProcess;
  readonly url: string;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

const running: Service[] = [];
afterEach(() => {
  for (const service of running.splice(0)) service.child.kill('SIGKILL');
});

/** Starts the fixture service under tracespec/service and waits until it listens (its stdout says so). */
async function startService(env: Record<string, string>): Promise<Service> {
  // Run from the repository so that `tracespec/service` resolves to the sources (the `source` condition).
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tracespec/service', server], {
    cwd: repository,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const port = await new Promise<number>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (\d+)/.exec(stdout);
      if (match) resolve(Number(match[1]));
    });
    void exited.then((code) => reject(new Error(`the service exited (${code}) before it listened:\n${stderr}`)));
  });
  const service = { child, url: `http://127.0.0.1:${port}`, stderr: () => stderr, exited };
  running.push(service);
  return service;
}

async function collectorFor(): Promise<Collector> {
  const collector = await startCollector({ store: new SpanStore(), grpc: false });
  onTestFinished(() => collector.stop());
  return collector;
}

/** A downstream HTTP server that records the headers of every request it gets. */
async function downstream(): Promise<{ url: string; headers: IncomingHttpHeaders[] }> {
  const headers: IncomingHttpHeaders[] = [];
  const http = createServer((request, response) => {
    headers.push(request.headers);
    response.end('ok');
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => http.close(() => resolve())));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/stock`, headers };
}

describe('node --import tracespec/service', () => {
  test('an ES-module service that imports node:http exports its server and client spans, in the caller’s trace', async () => {
    const collector = await collectorFor();
    const stock = await downstream();
    const service = await startService(collector.env({ serviceName: 'orders' }));
    const response = await fetch(`${service.url}/call?url=${encodeURIComponent(stock.url)}`, {
      headers: { traceparent: `00-${TRACE}-${PARENT}-01` },
    });
    expect(await response.text()).toBe('200');

    // The caller's span is not in the store (the test made its id up), so the trace is never "complete": wait for
    // its two spans.
    await expect.poll(() => collector.store.spansOf(TRACE).length, { timeout: 10_000 }).toBe(2);
    const trace = collector.store.traceSet().get(TRACE);
    if (!trace) throw new Error('no trace');
    const serverSpan = trace.spans.find((span) => span.kind === 'server');
    const clientSpan = trace.spans.find((span) => span.kind === 'client');
    expect(serverSpan).toMatchObject({ service: 'orders', parentSpanId: PARENT });
    expect(clientSpan?.parentSpanId).toBe(serverSpan?.spanId);
    // The downstream call carried the client span's context.
    expect(stock.headers[0]?.traceparent).toBe(`00-${TRACE}-${clientSpan?.spanId}-01`);
    expect(service.stderr()).toContain(
      `[tracespec/service] orders: spans -> ${collector.endpoints.otlpHttp}/v1/traces (OTLP http/protobuf); batch delay 50 ms; SDK @opentelemetry/sdk-trace@3.1.1; propagators tracecontext,baggage; instrumentations http, undici`,
    );
  });

  test('SIGTERM flushes the spans still in the batch, then the service exits with 0', async () => {
    const collector = await collectorFor();
    const service = await startService({
      ...collector.env({ serviceName: 'slow-batches' }),
      OTEL_BSP_SCHEDULE_DELAY: '600000',
    });
    await fetch(`${service.url}/ok`, { headers: { traceparent: `00-${TRACE}-${PARENT}-01` } });
    expect(collector.store.size).toBe(0);
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    // Exported before the process exited: it is in the store now, without waiting.
    expect(
      collector.store
        .traceSet()
        .only()
        .spans.map((span) => `${span.service} ${span.kind}`),
    ).toEqual(['slow-batches server']);
  });

  test('the readiness path gets no span', async () => {
    const collector = await collectorFor();
    const service = await startService({ ...collector.env({ serviceName: 'probed' }), TRACESPEC_IGNORE_PATHS: '/ok' });
    await fetch(`${service.url}/ok`);
    await fetch(`${service.url}/missing`);
    const trace = await collector.waitForTrace({ service: 'probed' }, { timeout: 10_000 });
    expect(trace.spans.map((span) => span.attributes['url.path'] ?? span.attributes['http.target'])).toEqual([
      '/missing',
    ]);
    expect(collector.store.traceSet().size).toBe(1);
  });

  test.each([
    ['jaeger', 'uber-trace-id', /^4bf92f3577b34da6a3ce929d0e0e4736:[0-9a-f]{16}:0:01$/],
    ['b3', 'b3', /^4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-1$/],
    ['b3multi', 'x-b3-traceid', /^4bf92f3577b34da6a3ce929d0e0e4736$/],
  ])('OTEL_PROPAGATORS=%s writes %s on outgoing calls', async (propagator, header, value) => {
    const collector = await collectorFor();
    const stock = await downstream();
    const service = await startService({ ...collector.env({ serviceName: 'mixed' }), OTEL_PROPAGATORS: propagator });
    // The same propagator reads the incoming context: Jaeger in, Jaeger out.
    const incoming = {
      jaeger: { 'uber-trace-id': `${TRACE}:${PARENT}:0:1` },
      b3: { b3: `${TRACE}-${PARENT}-1` },
      b3multi: { 'x-b3-traceid': TRACE, 'x-b3-spanid': PARENT, 'x-b3-sampled': '1' },
    }[propagator];
    await fetch(`${service.url}/call?url=${encodeURIComponent(stock.url)}`, { headers: incoming });
    expect(stock.headers[0]?.[header]).toMatch(value);
    expect(stock.headers[0]?.traceparent).toBeUndefined();
  });

  test('variables it cannot use are named on stderr, with what it used instead', async () => {
    const collector = await collectorFor();
    const service = await startService({
      ...collector.env({ serviceName: 'odd' }),
      OTEL_PROPAGATORS: 'tracecontext,xray',
    });
    expect(service.stderr()).toContain(
      '[tracespec/service] odd: OTEL_PROPAGATORS names "xray", which tracespec/service does not know (it knows tracecontext, baggage, b3, b3multi, jaeger); it is left out.',
    );
    expect(service.stderr()).toContain('propagators tracecontext;');
  });
});
