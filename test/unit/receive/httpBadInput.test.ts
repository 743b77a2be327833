import { deflateSync, gzipSync } from 'node:zlib';
import { type Collector, startCollector } from 'tracespec/otlp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  decodePartialSuccess,
  decodeRpcStatusMessage,
  encodeOtlpJson,
  encodeOtlpProto,
  spanIdOf,
  traceIdOf,
} from './support/encodeOtlp.ts';

const MAX = 64 * 1024;
let collector: Collector;
let next = 1;
const TOKEN = 'tok-123';
const auth = { authorization: `Bearer ${TOKEN}` };
const PROTO = { ...auth, 'content-type': 'application/x-protobuf' };
const JSON_TYPE = { ...auth, 'content-type': 'application/json' };

// Built before any connection is open: gzipping blocks the event loop for seconds, longer than the server keeps an
// idle connection, which it would then close just as fetch reuses it (ECONNRESET, the keep-alive race of any server).
// 256 MiB of zeros gzip to ~256 KiB: with a 64 KiB limit the compressed body is refused first...
let bomb: Buffer;
// ...and a bomb small enough to pass as compressed bytes is stopped while inflating.
let small: Buffer;

beforeAll(async () => {
  bomb = gzipSync(Buffer.alloc(256 * 1024 * 1024));
  small = gzipSync(Buffer.alloc(16 * 1024 * 1024));
  collector = await startCollector({ grpc: false, token: TOKEN, maxBodyBytes: MAX });
}, 60_000);
afterAll(() => collector.stop());

const post = (path: string, headers: Record<string, string>, body: Uint8Array | string) =>
  fetch(`${collector.endpoints.otlpHttp}${path}`, { method: 'POST', headers, body });

/** A fresh valid span each call. */
function validSpans(count = 2) {
  return Array.from({ length: count }, () => {
    const n = next++;
    return { traceId: traceIdOf(n), spanId: spanIdOf(n), name: `span ${n}` };
  });
}

/** After every refused request: earlier spans intact, and the next valid request is stored. */
async function expectStillWorking(sizeBefore: number) {
  expect(collector.store.size).toBe(sizeBefore);
  const spans = validSpans(1);
  const res = await post('/v1/traces', PROTO, encodeOtlpProto(spans));
  expect(res.status).toBe(200);
  expect(collector.store.size).toBe(sizeBefore + 1);
}

describe('OTLP/HTTP and Zipkin refuse bad input clearly and keep working', () => {
  test('valid protobuf and JSON are answered in their own content type', async () => {
    const proto = await post('/v1/traces', PROTO, encodeOtlpProto(validSpans()));
    expect(proto.status).toBe(200);
    expect(proto.headers.get('content-type')).toBe('application/x-protobuf');
    expect(decodePartialSuccess(new Uint8Array(await proto.arrayBuffer()))).toEqual({ rejected: 0, message: '' });
    const json = await post('/v1/traces', JSON_TYPE, encodeOtlpJson(validSpans()));
    expect(json.headers.get('content-type')).toBe('application/json');
    expect(await json.json()).toEqual({});
    const gz = await post(
      '/v1/traces',
      { ...JSON_TYPE, 'content-encoding': 'gzip' },
      gzipSync(encodeOtlpJson(validSpans())),
    );
    expect(gz.status).toBe(200);
    const deflated = await post(
      '/v1/traces',
      { ...PROTO, 'content-encoding': 'deflate' },
      deflateSync(encodeOtlpProto(validSpans())),
    );
    expect(deflated.status).toBe(200);
  });

  test('partial success: spans with invalid ids are rejected, the others stored (protobuf and JSON)', async () => {
    const before = collector.store.size;
    const good = validSpans(1);
    const bad = { traceId: '00'.repeat(16), spanId: spanIdOf(999_999), name: 'zero trace id' };
    const badParent = {
      traceId: traceIdOf(999_998),
      spanId: spanIdOf(999_998),
      parentSpanId: 'abcd',
      name: 'short parent',
    };
    const proto = await post('/v1/traces', PROTO, encodeOtlpProto([...good, bad, badParent]));
    expect(proto.status).toBe(200);
    const answer = decodePartialSuccess(new Uint8Array(await proto.arrayBuffer()));
    expect(answer.rejected).toBe(2);
    expect(answer.message).toBe(
      '[tracespec] rejected 2 span(s): span "zero trace id": trace id is all zeros; span "short parent": parent span id "abcd" is not 8 bytes of hex',
    );
    expect(collector.store.size).toBe(before + 1);
    const json = await post(
      '/v1/traces',
      JSON_TYPE,
      encodeOtlpJson([...validSpans(1), { ...bad, spanId: 'nothex!!' }]),
    );
    expect(await json.json()).toEqual({
      partialSuccess: {
        rejectedSpans: '1',
        errorMessage: '[tracespec] rejected 1 span(s): span "zero trace id": trace id is all zeros',
      },
    });
    expect(collector.store.size).toBe(before + 2);
  });

  test('400 for malformed protobuf, with a protobuf google.rpc.Status saying what was wrong', async () => {
    const before = collector.store.size;
    const valid = encodeOtlpProto(validSpans(3));
    const res = await post('/v1/traces', PROTO, valid.subarray(0, valid.length - 7));
    expect(res.status).toBe(400);
    const message = decodeRpcStatusMessage(new Uint8Array(await res.arrayBuffer()));
    expect(message).toMatch(
      /^\[tracespec\] malformed OTLP protobuf: .*(truncated|index out of range).*Nothing from this request was stored\.$/,
    );
    await expectStillWorking(before);
  });

  test('400 for malformed JSON (OTLP and Zipkin), with the reason', async () => {
    const before = collector.store.size;
    const otlp = await post('/v1/traces', JSON_TYPE, '{"resourceSpans":[{"scopeSpans":{"spans":[]}}]}');
    expect(otlp.status).toBe(400);
    expect(((await otlp.json()) as { message: string }).message).toBe(
      '[tracespec] malformed OTLP JSON: resourceSpans[0].scopeSpans should be an array, got object {"spans":[]}. Nothing from this request was stored.',
    );
    const zipkin = await post('/api/v2/spans', JSON_TYPE, '[{"traceId": ');
    expect(zipkin.status).toBe(400);
    expect(((await zipkin.json()) as { message: string }).message).toMatch(
      /^\[tracespec\] malformed Zipkin v2 JSON: body is not JSON: /,
    );
    await expectStillWorking(before);
  });

  test('415 for an unsupported content type or encoding', async () => {
    const before = collector.store.size;
    const text = await post('/v1/traces', { ...auth, 'content-type': 'text/plain' }, 'hello');
    expect(text.status).toBe(415);
    expect(((await text.json()) as { message: string }).message).toBe(
      '[tracespec] OTLP/HTTP content type "text/plain" is not supported; send application/x-protobuf or application/json.',
    );
    const thrift = await post('/api/v2/spans', { ...auth, 'content-type': 'application/x-thrift' }, 'x');
    expect(thrift.status).toBe(415);
    const brotli = await post('/v1/traces', { ...PROTO, 'content-encoding': 'br' }, 'x');
    expect(brotli.status).toBe(415);
    expect(decodeRpcStatusMessage(new Uint8Array(await brotli.arrayBuffer()))).toBe(
      '[tracespec] content-encoding "br" is not supported; use gzip, deflate or none.',
    );
    await expectStillWorking(before);
  });

  test('413 for a body over maxBodyBytes, and for a gzip bomb without inflating all of it', async () => {
    const before = collector.store.size;
    const big = await post('/v1/traces', PROTO, new Uint8Array(MAX + 1));
    expect(big.status).toBe(413);
    expect(decodeRpcStatusMessage(new Uint8Array(await big.arrayBuffer()))).toBe(
      `[tracespec] the body is larger than maxBodyBytes (${MAX} bytes). Send smaller batches or raise startCollector({ maxBodyBytes }).`,
    );
    // A chunked body declares no length: it is refused once the limit is crossed.
    const chunk = new Uint8Array(16 * 1024);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 64) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const chunked = await fetch(`${collector.endpoints.otlpHttp}/v1/traces`, {
      method: 'POST',
      headers: PROTO,
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    await chunked.arrayBuffer();
    expect((await post('/v1/traces', { ...PROTO, 'content-encoding': 'gzip' }, bomb)).status).toBe(413);
    expect(small.length).toBeLessThan(MAX);
    const heapBefore = process.memoryUsage().arrayBuffers;
    const started = performance.now();
    const res = await post('/v1/traces', { ...PROTO, 'content-encoding': 'gzip' }, small);
    expect(res.status).toBe(413);
    expect(decodeRpcStatusMessage(new Uint8Array(await res.arrayBuffer()))).toContain(
      'the decompressed body is larger than maxBodyBytes',
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(8 * 1024 * 1024);
    await expectStillWorking(before);
    // Gzipping 256 MiB takes seconds on a loaded 2-core machine: more than vitest's default 5 s.
  }, 60_000);

  test('401 without the bearer token or with a wrong one (OTLP and Zipkin)', async () => {
    const before = collector.store.size;
    const body = encodeOtlpProto(validSpans());
    const none = await post('/v1/traces', { 'content-type': 'application/x-protobuf' }, body);
    expect(none.status).toBe(401);
    expect(decodeRpcStatusMessage(new Uint8Array(await none.arrayBuffer()))).toBe(
      '[tracespec] the collector requires a bearer token and got no authorization header. Send "authorization: Bearer <token>" (collector.env() sets OTEL_EXPORTER_OTLP_HEADERS for you).',
    );
    const wrong = await post('/v1/traces', { ...PROTO, authorization: 'Bearer nope' }, body);
    expect(wrong.status).toBe(401);
    const zipkin = await post('/api/v2/spans', { 'content-type': 'application/json' }, '[]');
    expect(zipkin.status).toBe(401);
    await expectStillWorking(before);
  });

  test('404 for another path, 405 for another method', async () => {
    expect((await post('/v1/metrics', PROTO, new Uint8Array())).status).toBe(404);
    const get = await fetch(`${collector.endpoints.otlpHttp}/v1/traces`, { headers: auth });
    expect(get.status).toBe(405);
    expect(((await get.json()) as { message: string }).message).toBe(
      '[tracespec] /v1/traces accepts POST only, got GET.',
    );
  });
});
