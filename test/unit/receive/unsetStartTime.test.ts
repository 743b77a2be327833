import { startCollector } from 'tracespec/otlp';
import { expect, test } from 'vitest';
import { encodeJaegerBatch } from './support/encodeJaeger.ts';
import { decodePartialSuccess, encodeOtlpJson, encodeOtlpProto, spanIdOf, traceIdOf } from './support/encodeOtlp.ts';

// A span with no start time would be stored in 1970 and break every timing check: each receiver names it in its
// partial-success answer and keeps the spans beside it.
const REASON = 'startTimeUnixNano is 0 (unset), so it cannot be placed in time';
const spans = [
  { traceId: traceIdOf(1), spanId: spanIdOf(1), name: 'untimed', start: '0' },
  { traceId: traceIdOf(1), spanId: spanIdOf(2), name: 'timed' },
];

test.each([
  ['protobuf', 'application/x-protobuf', encodeOtlpProto(spans)],
  ['JSON', 'application/json', encodeOtlpJson(spans)],
] as const)('OTLP/HTTP %s: an unset start time is rejected by span name, the rest stored', async (_, type, body) => {
  await using collector = await startCollector({ grpc: false, jaegerAgent: false });
  const answer = await fetch(`${collector.endpoints.otlpHttp}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': type },
    body,
  });
  expect(answer.status).toBe(200);
  const message = `[tracespec] rejected 1 span(s): span "untimed": ${REASON}`;
  if (type === 'application/json') {
    expect(await answer.json()).toEqual({ partialSuccess: { rejectedSpans: '1', errorMessage: message } });
  } else {
    expect(decodePartialSuccess(new Uint8Array(await answer.arrayBuffer()))).toEqual({ rejected: 1, message });
  }
  expect(collector.store.spans().map((span) => [span.name, span.startTimeUnixNano])).toEqual([
    ['timed', 1700000000000000000n],
  ]);
});

test('Jaeger Thrift over HTTP: a span with startTime 0 is named in the answer, the rest stored', async () => {
  await using collector = await startCollector({ grpc: false, jaegerAgent: false });
  const body = encodeJaegerBatch({
    serviceName: 'legacy',
    spans: [
      { traceIdLow: 7n, spanId: 1n, operationName: 'untimed', startTime: 0n },
      { traceIdLow: 7n, spanId: 2n, operationName: 'timed', startTime: 1_700_000_000_000_000n },
    ],
  });
  const answer = await fetch(collector.endpoints.jaeger, {
    method: 'POST',
    headers: { 'content-type': 'application/x-thrift' },
    body,
  });
  expect(answer.status).toBe(202);
  expect(await answer.text()).toContain('span "untimed": startTime is 0 (unset), so it cannot be placed in time');
  expect(collector.store.spans().map((span) => [span.name, span.startTimeUnixNano])).toEqual([
    ['timed', 1_700_000_000_000_000_000n],
  ]);
});
