import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { Span } from 'tracespec';
import {
  type DecodedSpans,
  decodeOtlpJson,
  decodeOtlpProtobuf,
  decodeZipkinJson,
  MalformedInputError,
  startCollector,
} from 'tracespec/otlp';
import { describe, expect, test } from 'vitest';
import { encodeOtlpJson, encodeOtlpProto, spanIdOf, traceIdOf } from './support/encodeOtlp.ts';

const validSpans = fc
  .array(fc.record({ n: fc.integer({ min: 1, max: 1e9 }), name: fc.string({ maxLength: 12 }), child: fc.boolean() }), {
    minLength: 1,
    maxLength: 6,
  })
  .map((items) =>
    items.map(({ n, name, child }) => ({
      traceId: traceIdOf(n),
      spanId: spanIdOf(n),
      ...(child ? { parentSpanId: spanIdOf(n + 1) } : {}),
      name,
    })),
  );

/** Valid payloads, then cut short and with random bytes overwritten. */
const mutated = (encode: (spans: ReturnType<typeof validSpans.generate>['value']) => Uint8Array) =>
  fc
    .tuple(validSpans, fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }))
    .map(([spans, cut, flips]) => {
      const bytes = Uint8Array.from(encode(spans));
      for (const [at, value] of flips) bytes[at % bytes.length] = value;
      return bytes.subarray(0, Math.max(1, bytes.length - (cut % 8)));
    });

const protoInputs = fc.oneof(fc.uint8Array({ maxLength: 300 }), mutated(encodeOtlpProto));
const jsonInputs = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json(),
  mutated((s) => Buffer.from(encodeOtlpJson(s))).map((b) => Buffer.from(b).toString('utf8')),
);

/** A decode either succeeds with only well-formed spans or throws MalformedInputError: nothing else. */
function expectCleanOutcome(decode: () => DecodedSpans) {
  let decoded: DecodedSpans;
  try {
    decoded = decode();
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedInputError);
    return;
  }
  for (const span of decoded.spans) {
    expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(typeof span.startTimeUnixNano).toBe('bigint');
  }
  expect(decoded.rejected).toBeGreaterThanOrEqual(0);
}

describe('fuzz: decoders never crash on random, truncated or mutated input', () => {
  test('OTLP protobuf', () => {
    fc.assert(
      fc.property(protoInputs, (bytes) => expectCleanOutcome(() => decodeOtlpProtobuf(bytes, 'otlp-http'))),
      {
        numRuns: 2000,
      },
    );
  });
  test('OTLP JSON', () => {
    fc.assert(
      fc.property(jsonInputs, (input) => expectCleanOutcome(() => decodeOtlpJson(input, 'otlp-http'))),
      {
        numRuns: 1000,
      },
    );
  });
  test('Zipkin JSON', () => {
    fc.assert(
      fc.property(jsonInputs, (input) => expectCleanOutcome(() => decodeZipkinJson(input))),
      { numRuns: 1000 },
    );
  });
});

describe('fuzz: over HTTP, nothing received earlier is lost or corrupted and the next valid request succeeds', () => {
  test('random bytes, mutated payloads and gzip bombs on both endpoints', async () => {
    const max = 32 * 1024;
    await using collector = await startCollector({ grpc: false, maxBodyBytes: max });
    const baseline = Array.from({ length: 20 }, (_, i) => ({
      traceId: traceIdOf(1e10 + i),
      spanId: spanIdOf(1e10 + i),
      name: `base ${i}`,
    }));
    const res = await fetch(`${collector.endpoints.otlpHttp}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body: encodeOtlpProto(baseline),
    });
    expect(res.status).toBe(200);
    const kept: Span[] = collector.store.spans();
    const snapshot = kept.map((span) => JSON.stringify(span, (_, v) => (typeof v === 'bigint' ? String(v) : v)));
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024));
    let fresh = 2e10;

    const requests = fc.record({
      path: fc.constantFrom('/v1/traces', '/api/v2/spans'),
      type: fc.constantFrom(
        'application/x-protobuf',
        'application/json',
        'text/plain',
        'application/json; charset=utf-8',
      ),
      gzip: fc.boolean(),
      body: fc.oneof(
        protoInputs,
        jsonInputs.map((s) => new Uint8Array(Buffer.from(s))),
        fc.constant(new Uint8Array(bomb)),
        fc.uint8Array({ minLength: max + 1, maxLength: max + 10 }),
      ),
    });
    await fc.assert(
      fc.asyncProperty(requests, async ({ path, type, gzip, body }) => {
        const bombed = body.length === bomb.length;
        const answer = await fetch(`${collector.endpoints.otlpHttp}${path}`, {
          method: 'POST',
          headers: { 'content-type': type, ...(gzip || bombed ? { 'content-encoding': 'gzip' } : {}) },
          body: gzip && !bombed ? gzipSync(body) : body,
        });
        expect([200, 202, 400, 413, 415]).toContain(answer.status);
        const supported =
          type.startsWith('application/json') || (path === '/v1/traces' && type === 'application/x-protobuf');
        if (bombed) expect(answer.status).toBe(supported ? 413 : 415);
        await answer.arrayBuffer();
        // Earlier spans: still there, same objects, same content.
        for (const [i, span] of kept.entries()) {
          expect(collector.store.spansOf(span.traceId)).toContain(span);
          expect(JSON.stringify(span, (_, v) => (typeof v === 'bigint' ? String(v) : v))).toBe(snapshot[i]);
        }
        // And the next valid request is stored.
        const n = fresh++;
        const ok = await fetch(`${collector.endpoints.otlpHttp}/v1/traces`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: encodeOtlpJson([{ traceId: traceIdOf(n), spanId: spanIdOf(n), name: 'after' }]),
        });
        expect(ok.status).toBe(200);
        expect(collector.store.spansOf(traceIdOf(n))).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
