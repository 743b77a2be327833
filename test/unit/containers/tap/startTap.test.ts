// The recording tap against real servers and clients over loopback: HTTP/1.1 and HTTP/2 cleartext.

import { once } from 'node:events';
import http from 'node:http';
import http2 from 'node:http2';
import { type AddressInfo, connect } from 'node:net';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, test } from 'vitest';
import { startTap, type Tap } from '../../../../src/containers/tap/startTap.ts';
import type { WireRecord } from '../../../../src/model/WireRecord.ts';
import { exchange } from '../../../support/rawHttp.ts';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tap(): Promise<{ tap: Tap; seen: WireRecord[] }> {
  const seen: WireRecord[] = [];
  const started = await startTap({ from: 'orders', to: 'inventory', host: '127.0.0.1', onRecord: (r) => seen.push(r) });
  cleanups.push(() => started.close());
  return { tap: started, seen };
}

async function listen(server: http.Server | http2.Http2Server): Promise<URL> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
}

const waitFor = async (condition: () => boolean, timeoutMs = 5_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs}ms`);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
};

describe('a recording tap', () => {
  test('HTTP/1.1: forwards the request unchanged, streams both bodies, records the propagation headers', async () => {
    const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    const upstream = await listen(
      http.createServer((request, response) => {
        let body = '';
        request.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        request.on('end', () => {
          received.push({ headers: request.headers, body });
          response.writeHead(
            201,
            [
              ['X-Echo', 'a'],
              ['x-echo', 'b'],
              ['content-type', 'text/plain'],
            ].flat(),
          );
          response.write('first ');
          response.end('second');
        });
      }),
    );
    const { tap: t, seen } = await tap();
    t.forwardTo(upstream);
    const response = await fetch(`${t.url}/stock/book?x=1`, {
      method: 'POST',
      headers: { traceparent: TRACEPARENT, tracestate: 'vendor=1', 'x-b3-traceid': 'abc', 'x-custom': 'kept' },
      body: Readable.toWeb(Readable.from(['chunk-1 ', 'chunk-2'])) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(201);
    expect(response.headers.get('x-echo')).toBe('a, b');
    expect(await response.text()).toBe('first second');
    expect(received[0]?.body).toBe('chunk-1 chunk-2');
    expect(received[0]?.headers).toMatchObject({ traceparent: TRACEPARENT, 'x-custom': 'kept' });
    await waitFor(() => seen.length === 1);
    expect(seen[0]).toMatchObject({
      from: 'orders',
      to: 'inventory',
      protocol: 'http/1.1',
      method: 'POST',
      path: '/stock/book?x=1',
      status: 201,
      headers: { traceparent: TRACEPARENT, tracestate: 'vendor=1', 'x-b3-traceid': 'abc' },
    });
    expect(seen[0]?.headers['x-custom']).toBeUndefined();
    expect((seen[0]?.endUnixNano ?? 0n) >= (seen[0]?.startUnixNano ?? 1n)).toBe(true);
    expect(t.records).toEqual(seen);
  });

  test('HTTP/2 cleartext (prior knowledge): streams, status and trailers pass through', async () => {
    const upstreamServer = http2.createServer();
    upstreamServer.on('stream', (stream, headers) => {
      stream.respond(
        { ':status': 200, 'content-type': 'application/grpc', 'x-seen': String(headers.traceparent) },
        { waitForTrailers: true },
      );
      stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0' }));
      stream.end(Buffer.from('reply'));
    });
    const upstream = await listen(upstreamServer);
    const { tap: t, seen } = await tap();
    t.forwardTo(upstream);
    const client = http2.connect(t.url);
    cleanups.push(() => client.close());
    const request = client.request({ ':method': 'POST', ':path': '/inventory.Stock/Get', traceparent: TRACEPARENT });
    request.end('ask');
    const answer = await new Promise<{
      headers: http2.IncomingHttpHeaders;
      trailers: http2.IncomingHttpHeaders;
      body: string;
    }>((resolve, reject) => {
      let headers: http2.IncomingHttpHeaders = {};
      let trailers: http2.IncomingHttpHeaders = {};
      let body = '';
      request.on('response', (h) => {
        headers = h;
      });
      request.on('trailers', (t2) => {
        trailers = t2;
      });
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', () => resolve({ headers, trailers, body }));
      request.on('error', reject);
    });
    expect(answer.headers[':status']).toBe(200);
    expect(answer.headers['x-seen']).toBe(TRACEPARENT);
    expect(answer.trailers['grpc-status']).toBe('0');
    expect(answer.body).toBe('reply');
    await waitFor(() => seen.length === 1);
    expect(seen[0]).toMatchObject({
      protocol: 'h2',
      method: 'POST',
      path: '/inventory.Stock/Get',
      status: 200,
      headers: { traceparent: TRACEPARENT },
    });
  });

  test('a callee that is down: 502 to the caller, and the record says why', async () => {
    const closed = await listen(http.createServer());
    await new Promise<void>((resolve) => setImmediate(resolve));
    const { tap: t, seen } = await tap();
    t.forwardTo(new URL(`http://127.0.0.1:1`));
    const response = await fetch(`${t.url}/stock`, { headers: { traceparent: TRACEPARENT } });
    expect(response.status).toBe(502);
    expect(await response.text()).toMatch(
      /^\[tracespec\] tap orders -> inventory did not answer: connect ECONNREFUSED/,
    );
    await waitFor(() => seen.length === 1);
    expect(seen[0]).toMatchObject({
      status: 502,
      error: expect.stringMatching(/^inventory did not answer: connect ECONNREFUSED/),
    });
    void closed;
  });

  test('before the callee has an address: 503 that names it', async () => {
    const { tap: t, seen } = await tap();
    const response = await fetch(`${t.url}/stock`);
    expect(response.status).toBe(503);
    expect(await response.text()).toBe(
      '[tracespec] tap orders -> inventory: inventory has no address yet (it is not started).',
    );
    await waitFor(() => seen.length === 1);
  });

  // Keep-alive on both sides of the tap: a connection reused just as the other side closes it for being idle fails
  // with ECONNRESET (the collector saw it in the repeated runs: see test/unit/receive/keepAlive.test.ts).
  test('keep-alive: a caller connection left idle past 6 s (Node closes idle ones then) still takes the next request', async () => {
    const upstream = await listen(http.createServer((_request, response) => response.end('ok')));
    const { tap: started } = await tap();
    started.forwardTo(upstream);
    const socket = connect(Number(new URL(started.url).port), '127.0.0.1');
    cleanups.push(() => {
      socket.destroy();
    });
    await once(socket, 'connect');
    let closed = false;
    socket.once('close', () => {
      closed = true;
    });
    expect(await exchange(socket, '/stock', '{}')).toBe(200);
    // The idle time is what this test is about: longer than Node's 5 s keep-alive timeout plus its 1 s buffer.
    await new Promise((resolve) => setTimeout(resolve, 6_500));
    expect(closed).toBe(false);
    expect(await exchange(socket, '/stock', '{}')).toBe(200);
  });

  test('keep-alive: the tap closes its idle connection to the callee itself, well before a server would', async () => {
    const server = http.createServer((_request, response) => response.end('ok'));
    // Only the tap can close the connection within this test.
    server.keepAliveTimeout = 60_000;
    let answeredAt = 0;
    const closedAfter: number[] = [];
    server.on('connection', (socket) => socket.once('close', () => closedAfter.push(performance.now() - answeredAt)));
    const upstream = await listen(server);
    const { tap: started } = await tap();
    started.forwardTo(upstream);
    const response = await fetch(`${started.url}/stock`);
    expect(await response.text()).toBe('ok');
    answeredAt = performance.now();
    await waitFor(() => closedAfter.length === 1, 15_000);
    // 2 s idle in the tap's agent, against 5 s for Node, Express and uvicorn servers.
    expect(closedAfter[0]).toBeLessThan(5_000);
  });
});
