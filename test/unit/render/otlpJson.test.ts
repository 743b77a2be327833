import { TraceSet } from 'tracespec';
import { decodeOtlpJson, toOtlpJson } from 'tracespec/otlp';
import { describe, expect, test } from 'vitest';
import { makeSpan } from '../../support/spanBuilder.ts';

const root = makeSpan({
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  name: 'POST /checkout',
  kind: 'server',
  service: 'shop',
  start: 0,
  end: 12.5,
  status: { code: 'error', message: 'boom' },
  attributes: { 'http.route': '/checkout', 'http.status_code': 500, ratio: 0.5, cached: false, tags: ['a', 'b'] },
  events: [{ name: 'exception', timeUnixNano: 1_700_000_000_001_000_000n, attributes: { 'exception.type': 'Error' } }],
});
const child = makeSpan({
  parent: root,
  spanId: '00f067aa0ba902b8',
  name: 'GET',
  kind: 'client',
  service: 'shop',
  start: 1,
  end: 2,
  links: [{ traceId: 'f'.repeat(32), spanId: 'e'.repeat(16), attributes: { reason: 'retry' } }],
});
const other = makeSpan({
  parent: root,
  spanId: '00f067aa0ba902b9',
  name: 'GET /stock',
  kind: 'server',
  service: 'stock',
});

describe('OTLP/JSON export', () => {
  const data = toOtlpJson([root, child, other]);

  test('groups spans by resource, then scope', () => {
    expect(data.resourceSpans).toHaveLength(2);
    const shop = data.resourceSpans[0];
    expect(shop?.resource?.attributes).toEqual([{ key: 'service.name', value: { stringValue: 'shop' } }]);
    expect(shop?.scopeSpans?.[0]?.scope).toEqual({ name: 'tracespec-test' });
    expect(shop?.scopeSpans?.[0]?.spans?.map((span) => span.name)).toEqual(['POST /checkout', 'GET']);
  });

  test('writes hex ids, times as strings of Unix nanoseconds, kind as API kind + 1, status as an int', () => {
    const span = data.resourceSpans[0]?.scopeSpans?.[0]?.spans?.[0];
    expect(span).toMatchObject({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      kind: 2,
      startTimeUnixNano: '1700000000000000000',
      endTimeUnixNano: '1700000000012500000',
      status: { code: 2, message: 'boom' },
    });
    expect(span).not.toHaveProperty('parentSpanId');
    expect(data.resourceSpans[0]?.scopeSpans?.[0]?.spans?.[1]).toMatchObject({
      kind: 3,
      parentSpanId: '00f067aa0ba902b7',
    });
  });

  test('writes attributes as typed any-values', () => {
    const span = data.resourceSpans[0]?.scopeSpans?.[0]?.spans?.[0];
    expect(span?.attributes).toEqual([
      { key: 'http.route', value: { stringValue: '/checkout' } },
      { key: 'http.status_code', value: { intValue: '500' } },
      { key: 'ratio', value: { doubleValue: 0.5 } },
      { key: 'cached', value: { boolValue: false } },
      { key: 'tags', value: { arrayValue: { values: [{ stringValue: 'a' }, { stringValue: 'b' }] } } },
    ]);
    expect(span?.events?.[0]).toEqual({
      timeUnixNano: '1700000000001000000',
      name: 'exception',
      attributes: [{ key: 'exception.type', value: { stringValue: 'Error' } }],
    });
  });

  test("the collector's decoder reads back what it wrote: the same spans", () => {
    const decoded = decodeOtlpJson(JSON.stringify(data), 'file');
    expect(decoded.rejected).toBe(0);
    const read = decoded.spans;
    const strip = ({ source: _source, ...rest }: (typeof read)[number]) => rest;
    expect(read.map(strip)).toEqual([root, child, other].map(strip));
    expect(read.every((span) => span.source === 'file')).toBe(true);
    expect(TraceSet.fromSpans(read).only().root?.name).toBe('POST /checkout');
  });
});
