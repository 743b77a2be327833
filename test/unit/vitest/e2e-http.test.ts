import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { setupTracing, traces } from 'tracespec/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

setupTracing({
  serviceName: 'e2e',
  instrumentations: [new HttpInstrumentation(), new UndiciInstrumentation()],
});

let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ path: req.url }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await once(server, 'close');
});

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

describe('real HTTP instrumentation in the test process', () => {
  test('node:http client -> server: the SERVER span is the child of the CLIENT span', async () => {
    expect(await get(`${baseUrl}/orders/42`)).toBe(200);
    const trace = traces().only();
    const client = trace.spans.find((span) => span.kind === 'client');
    const serverSpan = trace.spans.find((span) => span.kind === 'server');
    expect(client).toBeDefined();
    expect(serverSpan).toBeDefined();
    if (!client || !serverSpan) return;
    expect(serverSpan).toHaveParent(client);
    expect(client).toBeRoot();
    expect(traces()).toHaveSpan({
      kind: 'server',
      service: 'e2e',
      attributes: {
        'http.request.method': 'GET',
        'url.path': '/orders/42',
        'http.response.status_code': 200,
      },
      parent: { kind: 'client', attributes: { 'url.full': `${baseUrl}/orders/42` } },
    });
    expect(traces()).toHaveSpan({ kind: 'server' }, { times: 1 });
    expect(traces()).toHaveNoErrors();
  });

  test('fetch (undici) client -> server', async () => {
    const response = await fetch(`${baseUrl}/stock`);
    expect(await response.json()).toEqual({ path: '/stock' });
    expect(traces()).toHaveSpan({
      kind: 'server',
      attributes: { 'url.path': '/stock' },
      parent: { kind: 'client', scope: /undici/, attributes: { 'http.request.method': 'GET' } },
    });
  });

  test('each test sees only its own traces', async () => {
    expect(traces().size).toBe(0);
    await get(`${baseUrl}/only-mine`);
    expect(traces().size).toBe(1);
    expect(traces()).not.toHaveSpan({ attributes: { 'url.path': '/orders/42' } });
  });

  test.concurrent.for(['a', 'b', 'c', 'd'])('concurrent test %s sees only its own request', async (name) => {
    await get(`${baseUrl}/concurrent/${name}`);
    await get(`${baseUrl}/concurrent/${name}/again`);
    expect(traces().size).toBe(2);
    expect(traces()).toHaveSpan(
      { kind: 'server', attributes: { 'url.path': expect.stringMatching(`^/concurrent/${name}`) } },
      { times: 2 },
    );
    expect(traces()).toHaveSpan({ kind: 'server' }, { times: 2 });
  });
});
