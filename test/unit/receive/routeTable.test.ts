import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SpanStore } from '../../../src/capture/SpanStore.ts';
import type { DecodedSpans } from '../../../src/receive/DecodedSpans.ts';
import { createHttpHandler } from '../../../src/receive/http/createHttpHandler.ts';
import { jsonRefusal } from '../../../src/receive/http/jsonRefusal.ts';
import { MalformedInputError } from '../../../src/receive/MalformedInputError.ts';
import type { ReceiverRoute } from '../../../src/receive/ReceiverRoute.ts';
import { receiverRoutes } from '../../../src/receive/receiverRoutes.ts';
import { makeSpan } from './support/makeSpan.ts';

// A made-up format, "one span name per line", plugged in the way CONTRIBUTING.md describes for a real one.
const linesRoute: ReceiverRoute = {
  path: '/test/lines',
  format: 'Lines',
  accepts: 'one span name per line (text/plain)',
  contentTypes: {
    'text/plain': {
      name: 'span lines',
      decode: (body): DecodedSpans => {
        const names = body.toString('utf8').split('\n').filter(Boolean);
        const bad = names.find((name) => name.trim() !== name);
        if (bad !== undefined) throw new MalformedInputError(`line ${JSON.stringify(bad)} has spaces around it`);
        const spans = names.map((name, i) => makeSpan({ spanId: (i + 1).toString(16).padStart(16, '0'), name }));
        return { spans, rejected: 0, problems: [] };
      },
      answer: (decoded) => ({ status: 202, contentType: 'text/plain', body: `stored ${decoded.spans.length}` }),
      refuse: jsonRefusal,
    },
  },
};

const store = new SpanStore();
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(
    createHttpHandler({ store, maxBodyBytes: 1024, token: 't', routes: [...receiverRoutes, linesRoute] }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (path: string, contentType: string, body: string, token = 't') =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${token}` },
    body,
  });

describe('the receiver route table', () => {
  test('a route added to the table is served like the built-in ones: decoded, stored, answered', async () => {
    const res = await post('/test/lines', 'text/plain; charset=utf-8', 'GET /orders\nSELECT orders\n');
    expect(res.status).toBe(202);
    expect(await res.text()).toBe('stored 2');
    expect(store.spans().map((span) => span.name)).toEqual(['GET /orders', 'SELECT orders']);
  });

  test("the handler applies the token, the media types, the body limit and the route's names in its refusals", async () => {
    const before = store.size;
    const unauthorized = await post('/test/lines', 'text/plain', 'x', 'wrong');
    expect(unauthorized.status).toBe(401);
    const unsupported = await post('/test/lines', 'application/json', '[]');
    expect(unsupported.status).toBe(415);
    expect(((await unsupported.json()) as { message: string }).message).toBe(
      '[tracespec] Lines content type "application/json" is not supported; send one span name per line (text/plain).',
    );
    const malformed = await post('/test/lines', 'text/plain', ' padded ');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { message: string }).message).toBe(
      '[tracespec] malformed span lines: line " padded " has spaces around it. Nothing from this request was stored.',
    );
    const tooLarge = await post('/test/lines', 'text/plain', 'x\n'.repeat(1024));
    expect(tooLarge.status).toBe(413);
    expect(store.size).toBe(before);
  });

  test('a 404 names every route of the table', async () => {
    const res = await post('/v1/metrics', 'application/x-protobuf', '');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toBe(
      '[tracespec] no receiver at /v1/metrics; post OTLP/HTTP to /v1/traces or Zipkin v2 to /api/v2/spans or Jaeger Thrift to /api/traces or Lines to /test/lines.',
    );
  });
});
