// Every AnyValue kind, event attributes, link ids and a span that ends before it starts, encoded by OpenTelemetry's
// own OTLP protobuf serializer (what exporter-trace-otlp-proto sends) and read back by tracespec's decoder.
import { SpanKind, SpanStatusCode, TraceFlags } from '@opentelemetry/api';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { decodeOtlpJson, decodeOtlpProtobuf } from 'tracespec/otlp';
import { describe, expect, test } from 'vitest';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const LINKED_TRACE = '0af7651916cd43dd8448eb211c80319c';

/** A finished span as the SDK hands it to an exporter (the fields the serializer reads). */
function readableSpan(fields: {
  name: string;
  spanId: string;
  start: [number, number];
  end: [number, number];
  attributes?: Record<string, unknown>;
  events?: { name: string; time: [number, number]; attributes?: Record<string, unknown> }[];
  links?: { traceId: string; spanId: string; attributes?: Record<string, unknown> }[];
}) {
  return {
    name: fields.name,
    kind: SpanKind.CLIENT,
    spanContext: () => ({ traceId: TRACE, spanId: fields.spanId, traceFlags: TraceFlags.SAMPLED }),
    parentSpanContext: undefined,
    startTime: fields.start,
    endTime: fields.end,
    duration: [0, 0] as [number, number],
    status: { code: SpanStatusCode.UNSET },
    attributes: fields.attributes ?? {},
    links: (fields.links ?? []).map((link) => ({
      context: { traceId: link.traceId, spanId: link.spanId, traceFlags: TraceFlags.SAMPLED },
      attributes: link.attributes ?? {},
    })),
    events: fields.events ?? [],
    ended: true,
    resource: resourceFromAttributes({ 'service.name': 'checkout' }),
    instrumentationScope: { name: 'test' },
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
}

function roundTrip(spans: ReturnType<typeof readableSpan>[]) {
  const body = ProtobufTraceSerializer.serializeRequest(spans as never);
  if (body === undefined) throw new Error('the serializer gave no body');
  return decodeOtlpProtobuf(body, 'otlp-http');
}

describe('OTLP protobuf values, as the OpenTelemetry serializer writes them', () => {
  test('bool (both values), int, double, string, array, kvlist and bytes attributes', () => {
    const decoded = roundTrip([
      readableSpan({
        name: 'values',
        spanId: '00f067aa0ba902b7',
        start: [1_700_000_000, 0],
        end: [1_700_000_000, 5_000_000],
        attributes: {
          'cache.hit': true,
          'retry.allowed': false,
          'http.response.status_code': 200,
          'payment.amount': 42.5,
          'payment.currency': 'EUR',
          'order.items': ['book', 'pen'],
          'order.quantities': [1, 2],
          'order.meta': { priority: 'high', count: 3, urgent: true },
          'request.digest': new Uint8Array([0xde, 0xad, 0xbe, 0xef]),
        },
      }),
    ]);
    expect(decoded.problems).toEqual([]);
    const [span] = decoded.spans;
    expect(span?.attributes).toEqual({
      'cache.hit': true,
      'retry.allowed': false,
      'http.response.status_code': 200,
      'payment.amount': 42.5,
      'payment.currency': 'EUR',
      'order.items': ['book', 'pen'],
      'order.quantities': [1, 2],
      // A kvlist has no attribute type of its own: it arrives as its JSON, every entry with its type.
      'order.meta': '{"priority":"high","count":3,"urgent":true}',
      'request.digest': Buffer.from([0xde, 0xad, 0xbe, 0xef]).toString('base64'),
    });
  });

  test('event attributes and link ids (trace and span id not swapped), with link attributes', () => {
    const decoded = roundTrip([
      readableSpan({
        name: 'linked',
        spanId: '00f067aa0ba902b8',
        start: [1_700_000_000, 0],
        end: [1_700_000_000, 5_000_000],
        events: [{ name: 'retry', time: [1_700_000_000, 1_000_000], attributes: { attempt: 2, fatal: false } }],
        links: [{ traceId: LINKED_TRACE, spanId: 'b7ad6b7169203331', attributes: { 'link.kind': 'batch' } }],
      }),
    ]);
    const [span] = decoded.spans;
    expect(span?.events).toEqual([
      expect.objectContaining({ name: 'retry', attributes: { attempt: 2, fatal: false } }),
    ]);
    expect(span?.links).toEqual([
      expect.objectContaining({
        traceId: LINKED_TRACE,
        spanId: 'b7ad6b7169203331',
        attributes: { 'link.kind': 'batch' },
      }),
    ]);
  });

  test('a span that ends before it starts is kept, clamped to zero length (protobuf and JSON alike)', () => {
    const decoded = roundTrip([
      readableSpan({
        name: 'backwards',
        spanId: '00f067aa0ba902b9',
        start: [1_700_000_001, 0],
        end: [1_700_000_000, 0],
      }),
    ]);
    const [span] = decoded.spans;
    expect(span?.startTimeUnixNano).toBe(1_700_000_001_000_000_000n);
    expect(span?.endTimeUnixNano).toBe(1_700_000_001_000_000_000n);
    expect(span?.durationNano).toBe(0n);
    expect(span?.durationMs).toBe(0);
    const json = decodeOtlpJson(
      JSON.stringify({
        resourceSpans: [
          {
            resource: { attributes: [{ key: 'service.name', value: { stringValue: 'checkout' } }] },
            scopeSpans: [
              {
                spans: [
                  {
                    traceId: TRACE,
                    spanId: '00f067aa0ba902ba',
                    name: 'backwards',
                    startTimeUnixNano: '1700000001000000000',
                    endTimeUnixNano: '1700000000000000000',
                  },
                ],
              },
            ],
          },
        ],
      }),
      'otlp-http',
    );
    expect(json.spans[0]?.durationNano).toBe(0n);
    expect(json.spans[0]?.endTimeUnixNano).toBe(1_700_000_001_000_000_000n);
  });
});
