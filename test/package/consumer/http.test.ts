// setupTracing with the http instrumentation: a test that imports node:http as an ES module still gets spans.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { installedTracing } from 'tracespec';
import { traces } from 'tracespec/vitest';
import { afterAll, beforeAll, expect, test } from 'vitest';

const server = http.createServer((_request, response) => response.end('ok'));
beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('server and client spans of one request, one connected trace', async () => {
  const { port } = server.address() as AddressInfo;
  await fetch(`http://127.0.0.1:${port}/orders`);
  expect(traces()).toHaveSpan({ kind: 'server', attributes: { 'url.path': '/orders' } });
  expect(traces()).toHaveSpan({ kind: 'client', parent: null });
  expect(traces()).toBeConnected();
  expect(installedTracing()?.sdk).toBe(process.env.EXPECTED_SDK);
});
