import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpanStore } from 'tracespec';
import { startCollector } from 'tracespec/otlp';
import { describe, expect, test } from 'vitest';
import { createHttpHandler } from '../../../src/receive/http/createHttpHandler.ts';
import { encodeOtlpProto, spanIdOf, traceIdOf } from './support/encodeOtlp.ts';
import { streamBody } from './support/streamBody.ts';

// A client that streams a body over maxBodyBytes must read the 413: closing the connection with its bytes unread
// resets it, and the reset throws the 413 away (the client saw EPIPE in 12 of 20 tries, and exporters retry that).

const MB = 1024 * 1024;
const PROTO = { 'content-type': 'application/x-protobuf' };

describe('a body over maxBodyBytes, announced by Content-Length and streamed in 1 MiB writes', () => {
  test('100 MB, 20 times in a row: the client reads the 413 every time, and the collector keeps working', async () => {
    await using collector = await startCollector({ grpc: false, jaegerAgent: false, maxBodyBytes: MB });
    const url = `${collector.endpoints.otlpHttp}/v1/traces`;
    for (let i = 0; i < 20; i++) {
      const outcome = await streamBody(url, 100 * MB, PROTO);
      expect(outcome, `try ${i + 1}`).toMatchObject({ status: 413, written: 100 * MB });
      expect(outcome.error, `try ${i + 1}`).toBeUndefined();
      expect(outcome.body).not.toBe('');
    }
    const n = 42;
    const ok = await fetch(url, {
      method: 'POST',
      headers: PROTO,
      body: encodeOtlpProto([{ traceId: traceIdOf(n), spanId: spanIdOf(n), name: 'after' }]),
    });
    expect(ok.status).toBe(200);
    expect(collector.store.spansOf(traceIdOf(n))).toHaveLength(1);
  }, 180_000);

  test('every refusal of a body still on its way is read by the client: 401, 415 and 404 too', async () => {
    await using collector = await startCollector({
      grpc: false,
      jaegerAgent: false,
      token: 'secret',
      maxBodyBytes: MB,
    });
    const base = collector.endpoints.otlpHttp;
    const cases = [
      { path: '/v1/traces', headers: PROTO, status: 401 },
      { path: '/v1/traces', headers: { authorization: 'Bearer secret', 'content-type': 'text/plain' }, status: 415 },
      { path: '/nowhere', headers: PROTO, status: 404 },
    ];
    for (const { path, headers, status } of cases) {
      for (let i = 0; i < 3; i++) {
        const outcome = await streamBody(`${base}${path}`, 20 * MB, headers);
        expect(outcome).toMatchObject({ status, written: 20 * MB });
        expect(outcome.error).toBeUndefined();
      }
    }
  }, 120_000);

  test('past the discard bound the connection is closed, but only after the client could read the 413', async () => {
    const store = new SpanStore();
    const server = createServer(createHttpHandler({ store, maxBodyBytes: MB, discardBytes: 4 * MB }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      for (let i = 0; i < 5; i++) {
        const outcome = await streamBody(`http://127.0.0.1:${port}/v1/traces`, 64 * MB, PROTO);
        expect(outcome.status, `try ${i + 1}`).toBe(413);
        // The rest was not read: the client's writes end with a broken connection.
        expect(outcome.written).toBeLessThan(64 * MB);
        expect(outcome.error).toMatch(/EPIPE|ECONNRESET/);
      }
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);
});
