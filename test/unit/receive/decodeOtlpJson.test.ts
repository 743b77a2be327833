import { decodeOtlpJson, MalformedInputError } from 'tracespec/otlp';
import { describe, expect, test } from 'vitest';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const request = (span: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'cart' } }] },
        scopeSpans: [{ scope: { name: 'http', version: '1.2' }, spans: [span], futureField: 1 }],
        ...extra,
      },
    ],
  });

describe('decodeOtlpJson follows the OTLP JSON mapping', () => {
  test('hex ids (any case), int64 as strings or numbers, enums as integers, unknown fields ignored', () => {
    const { spans, rejected } = decodeOtlpJson(
      request({
        traceId: TRACE.toUpperCase(),
        spanId: '00F067AA0BA902B7',
        parentSpanId: '',
        name: 'GET /cart',
        kind: 2,
        startTimeUnixNano: '1700000000000000001',
        endTimeUnixNano: 1700000000500000000,
        attributes: [
          { key: 'http.status_code', value: { intValue: '200' } },
          { key: 'retries', value: { intValue: 3 } },
          { key: 'ratio', value: { doubleValue: 0.5 } },
          { key: 'ok', value: { boolValue: true } },
          { key: 'tags', value: { arrayValue: { values: [{ stringValue: 'a' }, { stringValue: 'b' }] } } },
          { key: 'nested', value: { kvlistValue: { values: [{ key: 'k', value: { stringValue: 'v' } }] } } },
        ],
        events: [{ timeUnixNano: '1700000000100000000', name: 'cache miss', attributes: [] }],
        links: [{ traceId: TRACE, spanId: '1111111111111111' }],
        status: { code: 2, message: 'boom' },
        droppedAttributesCount: 0,
        somethingNew: { x: 1 },
      }),
      'otlp-http',
    );
    expect(rejected).toBe(0);
    expect(spans).toHaveLength(1);
    const [span] = spans;
    expect(span).toMatchObject({
      traceId: TRACE,
      spanId: '00f067aa0ba902b7',
      name: 'GET /cart',
      kind: 'server',
      startTimeUnixNano: 1700000000000000001n,
      service: 'cart',
      scope: { name: 'http', version: '1.2' },
      status: { code: 'error', message: 'boom' },
      source: 'otlp-http',
      attributes: { 'http.status_code': 200, retries: 3, ratio: 0.5, ok: true, tags: ['a', 'b'], nested: '{"k":"v"}' },
      events: [{ name: 'cache miss', timeUnixNano: 1700000000100000000n }],
      links: [{ traceId: TRACE, spanId: '1111111111111111' }],
    });
    expect(span?.parentSpanId).toBeUndefined();
    expect(span?.endTimeUnixNano).toBeGreaterThan(span?.startTimeUnixNano ?? 0n);
  });

  test('spans with invalid ids are rejected one by one, the rest kept (partial success)', () => {
    const text = JSON.stringify({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                { traceId: TRACE, spanId: '00f067aa0ba902b7', name: 'good', startTimeUnixNano: '1700000000000000000' },
                { traceId: '0'.repeat(32), spanId: '00f067aa0ba902b7', name: 'zero trace' },
                { traceId: TRACE, spanId: 'xyz', name: 'bad span id' },
                { traceId: TRACE, spanId: '00f067aa0ba902b8', parentSpanId: '12', name: 'bad parent' },
              ],
            },
          ],
        },
      ],
    });
    const decoded = decodeOtlpJson(text, 'otlp-http');
    expect(decoded.spans.map((span) => span.name)).toEqual(['good']);
    expect(decoded.spans[0]?.service).toBe('unknown_service');
    expect(decoded.rejected).toBe(3);
    expect(decoded.problems).toEqual([
      'span "zero trace": trace id is all zeros',
      'span "bad span id": span id "xyz" is not 8 bytes of hex',
      'span "bad parent": parent span id "12" is not 8 bytes of hex',
    ]);
  });

  test('a span without a start time (0 or absent means unset in OTLP) is rejected by name, not stored in 1970', () => {
    const span = (name: string, start?: string) => ({
      traceId: TRACE,
      spanId: '00f067aa0ba902b7',
      name,
      ...(start === undefined ? {} : { startTimeUnixNano: start }),
      endTimeUnixNano: '1700000000000000009',
    });
    const text = JSON.stringify({
      resourceSpans: [
        { scopeSpans: [{ spans: [span('zero', '0'), span('absent'), span('timed', '1700000000000000001')] }] },
      ],
    });
    const decoded = decodeOtlpJson(text, 'otlp-http');
    expect(decoded.spans.map((s) => s.name)).toEqual(['timed']);
    expect(decoded.problems).toEqual([
      'span "zero": startTimeUnixNano is 0 (unset), so it cannot be placed in time',
      'span "absent": startTimeUnixNano is 0 (unset), so it cannot be placed in time',
    ]);
  });

  test.each([
    ['{"resourceSpans": [', /body is not JSON/],
    ['[]', /request should be an object, got array/],
    ['{"resourceSpans": {}}', /resourceSpans should be an array, got object/],
    [request({ name: 7 }), /resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[0\]\.name should be a string, got number 7/],
    [request({ startTimeUnixNano: 'soon' }), /spans\[0\]\.startTimeUnixNano should be an integer/],
    [request({ kind: 'SERVERISH' }), /spans\[0\]\.kind should be an enum integer/],
  ])('malformed %s is refused with the JSON path', (text, message) => {
    expect(() => decodeOtlpJson(text, 'otlp-http')).toThrow(MalformedInputError);
    expect(() => decodeOtlpJson(text, 'otlp-http')).toThrow(message);
  });
});
