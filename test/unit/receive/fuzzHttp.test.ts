import fc from 'fast-check';
import type { Span } from 'tracespec';
import { startCollector } from 'tracespec/otlp';
import { expect, test } from 'vitest';
import { encodeOtlpJson, spanIdOf, traceIdOf } from './support/encodeOtlp.ts';
import { fuzzRun } from './support/fuzzRun.ts';
import { mutate, mutations, richOtlpJson, richOtlpProto, richSpans, zipkinSpans } from './support/richOtlp.ts';

// Valid requests (attributes nested up to 40 deep, events, Zipkin tags, spans without a timestamp), mutated, sent
// through the real HTTP handler. Never a 500; what a request stores is bounded by a multiple of its size (nested
// values re-serialized at every level once stored 67 MB from 1.5 KB); the collector keeps working after each one.
// A fixed budget for CI; a failure prints FUZZ_SEED / FUZZ_PATH to replay exactly that case.

const FILE = 'test/unit/receive/fuzzHttp.test.ts';
const MAX = 256 * 1024;

const requests = fc.oneof(
  fc.tuple(richSpans, mutations, fc.boolean()).map(([spans, edits, clean]) => ({
    path: '/v1/traces',
    type: 'application/x-protobuf',
    body: clean ? richOtlpProto(spans) : mutate(richOtlpProto(spans), edits),
  })),
  fc.tuple(richSpans, mutations, fc.boolean()).map(([spans, edits, clean]) => {
    const body = Buffer.from(richOtlpJson(spans));
    return { path: '/v1/traces', type: 'application/json', body: clean ? body : mutate(body, edits) };
  }),
  fc.tuple(zipkinSpans, mutations, fc.boolean()).map(([text, edits, clean]) => {
    const body = Buffer.from(text);
    return { path: '/api/v2/spans', type: 'application/json', body: clean ? body : mutate(body, edits) };
  }),
);

/** Characters a request's new spans hold: names, attributes, events, and each resource once. */
function storedSize(spans: readonly Span[]): number {
  const resources = new Set(spans.map((span) => span.resource));
  const text = (value: unknown) => JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? String(v) : v)).length;
  let size = 0;
  for (const resource of resources) size += text(resource);
  for (const span of spans) size += span.name.length + text(span.attributes) + text(span.events);
  return size;
}

test('mutated OTLP protobuf, OTLP JSON and Zipkin bodies through the HTTP handler', async () => {
  await using collector = await startCollector({ grpc: false, jaegerAgent: false, maxBodyBytes: MAX });
  const base = collector.endpoints.otlpHttp;
  let fresh = 5e9;
  const property = fc.asyncProperty(requests, async ({ path, type, body }) => {
    const before = collector.store.size;
    const answer = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': type }, body });
    const text = await answer.text();
    expect([200, 202, 400, 413], text).toContain(answer.status);
    const stored = collector.store.spans().slice(before);
    if (answer.status === 400) expect(stored).toHaveLength(0);
    // Bounded memory: protobuf bytes become base64 (4/3) and JSON escapes, never a growth with nesting depth.
    expect(storedSize(stored)).toBeLessThanOrEqual(8 * body.length + 256 * stored.length);
    // Zipkin spans without a timestamp are rejected (OTLP's start time 0 means "unknown" and is kept as sent).
    if (path === '/api/v2/spans') for (const span of stored) expect(span.startTimeUnixNano).toBeGreaterThan(0n);
    const n = fresh++;
    const next = await fetch(`${base}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: encodeOtlpJson([{ traceId: traceIdOf(n), spanId: spanIdOf(n), name: 'after' }]),
    });
    expect(next.status).toBe(200);
    await next.arrayBuffer();
    expect(collector.store.spansOf(traceIdOf(n))).toHaveLength(1);
  });
  await fuzzRun(property, 400, FILE);
}, 120_000);
