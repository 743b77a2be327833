import type { Span } from 'tracespec';
import {
  decodeJaegerBatch,
  decodeJaegerEmitBatch,
  JAEGER_TRACE_ID_ATTRIBUTE,
  MalformedInputError,
} from 'tracespec/otlp';
import { describe, expect, test } from 'vitest';
import {
  bin,
  bool,
  dbl,
  encodeEmitBatch,
  encodeJaegerBatch,
  long,
  str,
  type TestBatch,
  type TestProtocol,
} from '../support/encodeJaeger.ts';

const CHILD_OF = 0;
const FOLLOWS_FROM = 1;
const protocols: readonly TestProtocol[] = ['binary', 'compact'];

function only(decoded: { spans: readonly Span[] }): Span {
  expect(decoded.spans).toHaveLength(1);
  return decoded.spans[0] as Span;
}

describe.each(protocols)('Thrift %s: a Batch and an emitBatch message decode to the same spans', (protocol) => {
  const batch: TestBatch = {
    serviceName: 'frontend',
    processTags: [str('hostname', 'box-1'), str('jaeger.version', 'Node-3.19.0'), dbl('load', 0.5)],
    spans: [
      {
        traceIdLow: 0x463ac35c9f6413adn,
        spanId: 0xa2fb4a1d1a96d312n,
        operationName: 'GET /orders',
        flags: 1,
        startTime: 1_700_000_000_123_456n,
        duration: 2_500n,
        tags: [str('span.kind', 'server'), long('http.status_code', 200n)],
      },
    ],
  };

  test('ids, names, times, process', () => {
    for (const decoded of [
      decodeJaegerBatch(encodeJaegerBatch(batch, protocol), protocol),
      decodeJaegerEmitBatch(encodeEmitBatch(batch, protocol), protocol),
    ]) {
      const span = only(decoded);
      expect(span).toMatchObject({
        traceId: '0000000000000000463ac35c9f6413ad',
        spanId: 'a2fb4a1d1a96d312',
        name: 'GET /orders',
        kind: 'server',
        startTimeUnixNano: 1_700_000_000_123_456_000n,
        endTimeUnixNano: 1_700_000_000_125_956_000n,
        durationNano: 2_500_000n,
        durationMs: 2.5,
        service: 'frontend',
        resource: { 'service.name': 'frontend', hostname: 'box-1', 'jaeger.version': 'Node-3.19.0', load: 0.5 },
        status: { code: 'unset' },
        ended: true,
      });
      expect(span.parentSpanId).toBeUndefined();
      expect(span.attributes).toEqual({
        'span.kind': 'server',
        'http.status_code': 200,
        [JAEGER_TRACE_ID_ATTRIBUTE]: '463ac35c9f6413ad',
        'jaeger.sampled': true,
        'jaeger.debug': false,
      });
    }
    expect(only(decodeJaegerBatch(encodeJaegerBatch(batch, protocol), protocol)).source).toBe('jaeger-http');
    expect(only(decodeJaegerEmitBatch(encodeEmitBatch(batch, protocol), protocol)).source).toBe('jaeger-udp');
  });

  test('a 128-bit trace id is kept whole, without the 64-bit attribute', () => {
    const span = only(
      decodeJaegerBatch(
        encodeJaegerBatch(
          {
            serviceName: 's',
            spans: [{ traceIdHigh: 0x4bf92f3577b34da6n, traceIdLow: 0xa3ce929d0e0e4736n, spanId: 1n }],
          },
          protocol,
        ),
        protocol,
      ),
    );
    expect(span.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(span.spanId).toBe('0000000000000001');
    expect(span.attributes[JAEGER_TRACE_ID_ATTRIBUTE]).toBeUndefined();
  });

  test('ids with the top bit set (negative as i64) read as unsigned hex', () => {
    const span = only(
      decodeJaegerBatch(
        encodeJaegerBatch(
          { serviceName: 's', spans: [{ traceIdLow: -1n, spanId: -2n, parentSpanId: 0x8000000000000000n }] },
          protocol,
        ),
        protocol,
      ),
    );
    expect(span.traceId).toBe('0000000000000000ffffffffffffffff');
    expect(span.spanId).toBe('fffffffffffffffe');
    expect(span.parentSpanId).toBe('8000000000000000');
  });

  test('tags by type: string, double, bool, long (exact or as text), binary as base64', () => {
    const span = only(
      decodeJaegerBatch(
        encodeJaegerBatch(
          {
            serviceName: 's',
            spans: [
              {
                traceIdLow: 1n,
                spanId: 2n,
                tags: [
                  str('s', 'text'),
                  dbl('d', -1.25),
                  bool('t', true),
                  bool('f', false),
                  long('small', -42n),
                  long('max', 9_007_199_254_740_991n),
                  long('big', 9_007_199_254_740_993n),
                  long('min', -9_223_372_036_854_775_808n),
                  bin('b', Buffer.from([0, 1, 2, 255])),
                  { key: 'empty', vType: 0 },
                ],
              },
            ],
          },
          protocol,
        ),
        protocol,
      ),
    );
    expect(span.attributes).toMatchObject({
      s: 'text',
      d: -1.25,
      t: true,
      f: false,
      small: -42,
      max: 9_007_199_254_740_991,
      big: '9007199254740993',
      min: '-9223372036854775808',
      b: 'AAEC/w==',
      empty: '',
    });
  });

  test('logs become events named by their event field', () => {
    const span = only(
      decodeJaegerBatch(
        encodeJaegerBatch(
          {
            serviceName: 's',
            spans: [
              {
                traceIdLow: 1n,
                spanId: 2n,
                logs: [
                  { timestamp: 1_700_000_000_000_001n, fields: [str('event', 'cache miss'), str('key', 'k1')] },
                  { timestamp: 1_700_000_000_000_002n, fields: [str('message', 'no event field'), long('n', 3n)] },
                ],
              },
            ],
          },
          protocol,
        ),
        protocol,
      ),
    );
    expect(span.events).toEqual([
      { name: 'cache miss', timeUnixNano: 1_700_000_000_000_001_000n, attributes: { key: 'k1' } },
      { name: '', timeUnixNano: 1_700_000_000_000_002_000n, attributes: { message: 'no event field', n: 3 } },
    ]);
  });
});

describe('references: CHILD_OF is the parent, FOLLOWS_FROM and any other reference a link', () => {
  const decode = (batch: TestBatch) => decodeJaegerBatch(encodeJaegerBatch(batch)).spans;
  const trace = 0x463ac35c9f6413adn;
  const padded = '0000000000000000463ac35c9f6413ad';

  test('parentSpanId alone', () => {
    const [span] = decode({ serviceName: 's', spans: [{ traceIdLow: trace, spanId: 2n, parentSpanId: 1n }] });
    expect(span?.parentSpanId).toBe('0000000000000001');
    expect(span?.links).toEqual([]);
  });

  test('a CHILD_OF reference when parentSpanId is 0, not repeated as a link', () => {
    const [span] = decode({
      serviceName: 's',
      spans: [{ traceIdLow: trace, spanId: 2n, references: [{ refType: CHILD_OF, traceIdLow: trace, spanId: 7n }] }],
    });
    expect(span?.parentSpanId).toBe('0000000000000007');
    expect(span?.links).toEqual([]);
  });

  test('parentSpanId plus the same CHILD_OF reference (as jaeger-client sends it): one parent, no link', () => {
    const [span] = decode({
      serviceName: 's',
      spans: [
        {
          traceIdLow: trace,
          spanId: 2n,
          parentSpanId: 7n,
          references: [{ refType: CHILD_OF, traceIdLow: trace, spanId: 7n }],
        },
      ],
    });
    expect(span?.parentSpanId).toBe('0000000000000007');
    expect(span?.links).toEqual([]);
  });

  test('FOLLOWS_FROM is a link with its type, also when it is the parentSpanId the client chose', () => {
    const [span] = decode({
      serviceName: 's',
      spans: [
        {
          traceIdLow: trace,
          spanId: 3n,
          parentSpanId: 2n,
          references: [
            { refType: FOLLOWS_FROM, traceIdLow: trace, spanId: 2n },
            { refType: CHILD_OF, traceIdLow: 0x99n, traceIdHigh: 0x11n, spanId: 9n },
            { refType: 5, traceIdLow: trace, spanId: 4n },
          ],
        },
      ],
    });
    expect(span?.parentSpanId).toBe('0000000000000002');
    expect(span?.links).toEqual([
      { traceId: padded, spanId: '0000000000000002', attributes: { 'opentracing.ref_type': 'follows_from' } },
      {
        traceId: '00000000000000110000000000000099',
        spanId: '0000000000000009',
        attributes: { 'opentracing.ref_type': 'child_of' },
      },
      { traceId: padded, spanId: '0000000000000004', attributes: {} },
    ]);
  });

  test('a CHILD_OF reference of a 128-bit trace id is the parent when both halves match, not when only the low half does', () => {
    const high = 0x5b8aa5a2d2c872e8n;
    const spans = decode({
      serviceName: 's',
      spans: [
        {
          traceIdHigh: high,
          traceIdLow: trace,
          spanId: 2n,
          references: [{ refType: CHILD_OF, traceIdHigh: high, traceIdLow: trace, spanId: 7n }],
        },
        {
          traceIdHigh: high,
          traceIdLow: trace,
          spanId: 3n,
          references: [{ refType: CHILD_OF, traceIdLow: trace, spanId: 8n }],
        },
      ],
    });
    expect(spans.map((span) => span.traceId)).toEqual([
      `5b8aa5a2d2c872e8${padded.slice(16)}`,
      `5b8aa5a2d2c872e8${padded.slice(16)}`,
    ]);
    expect(spans.map((span) => span.parentSpanId)).toEqual(['0000000000000007', undefined]);
    expect(spans.map((span) => span.links.length)).toEqual([0, 1]);
  });

  test('FOLLOWS_FROM alone makes no parent; a CHILD_OF in another trace makes none either', () => {
    const spans = decode({
      serviceName: 's',
      spans: [
        { traceIdLow: trace, spanId: 3n, references: [{ refType: FOLLOWS_FROM, traceIdLow: trace, spanId: 2n }] },
        { traceIdLow: trace, spanId: 4n, references: [{ refType: CHILD_OF, traceIdLow: 0x5n, spanId: 2n }] },
      ],
    });
    expect(spans.map((span) => span.parentSpanId)).toEqual([undefined, undefined]);
    expect(spans.map((span) => span.links.length)).toEqual([1, 1]);
  });
});

describe('kind, status, flags, scope', () => {
  const decode = (tags: TestBatch['spans'][number]['tags'], extra: Partial<TestBatch['spans'][number]> = {}) =>
    only(
      decodeJaegerBatch(
        encodeJaegerBatch({ serviceName: 's', spans: [{ traceIdLow: 1n, spanId: 2n, tags, ...extra }] }),
      ),
    );

  test('span.kind in any case; unknown or missing is internal', () => {
    expect(decode([str('span.kind', 'CLIENT')]).kind).toBe('client');
    expect(decode([str('span.kind', 'producer')]).kind).toBe('producer');
    expect(decode([str('span.kind', 'consumer')]).kind).toBe('consumer');
    expect(decode([str('span.kind', 'sideways')]).kind).toBe('internal');
    expect(decode([]).kind).toBe('internal');
  });

  test('error=true is an error status, with the message of the error log', () => {
    const span = decode([bool('error', true)], {
      logs: [{ timestamp: 1n, fields: [str('event', 'error'), str('message', 'card declined')] }],
    });
    expect(span.status).toEqual({ code: 'error', message: 'card declined' });
    expect(decode([str('error', 'true')]).status).toEqual({ code: 'error' });
    expect(decode([bool('error', false)]).status).toEqual({ code: 'unset' });
  });

  test('otel.status_code and otel.status_description (OpenTelemetry Jaeger exporters) decide', () => {
    expect(decode([str('otel.status_code', 'ERROR'), str('otel.status_description', 'boom')]).status).toEqual({
      code: 'error',
      message: 'boom',
    });
    expect(decode([str('otel.status_code', 'OK'), bool('error', true)]).status).toEqual({ code: 'ok' });
  });

  test('flags: sampled and debug bits', () => {
    expect(decode([], { flags: 3 }).attributes).toMatchObject({ 'jaeger.sampled': true, 'jaeger.debug': true });
    expect(decode([], { flags: 0 }).attributes).toMatchObject({ 'jaeger.sampled': false, 'jaeger.debug': false });
  });

  test('otel.scope.name / otel.library.name give the scope', () => {
    expect(decode([str('otel.scope.name', 'http'), str('otel.scope.version', '1.2')]).scope).toEqual({
      name: 'http',
      version: '1.2',
    });
    expect(decode([str('otel.library.name', 'pg')]).scope).toEqual({ name: 'pg' });
  });

  test('a field this decoder does not know is skipped', () => {
    expect(decode([str('a', 'b')], { unknownField: true }).attributes.a).toBe('b');
  });

  test('no serviceName: unknown_service, and no service.name in the resource', () => {
    const span = only(decodeJaegerBatch(encodeJaegerBatch({ spans: [{ traceIdLow: 1n, spanId: 2n }] })));
    expect(span.service).toBe('unknown_service');
    expect(span.resource).toEqual({});
  });
});

describe('spans that cannot be used are rejected one by one, with the reason', () => {
  test('zero ids, unknown tag types, keyless tags, negative times', () => {
    const decoded = decodeJaegerBatch(
      encodeJaegerBatch({
        serviceName: 's',
        spans: [
          { traceIdLow: 1n, spanId: 2n, operationName: 'good' },
          { traceIdLow: 0n, spanId: 2n, operationName: 'no trace' },
          { traceIdLow: 1n, spanId: 0n, operationName: 'no span' },
          { traceIdLow: 1n, spanId: 3n, operationName: 'odd tag', tags: [{ key: 'x', vType: 9 }] },
          { traceIdLow: 1n, spanId: 4n, operationName: 'keyless', tags: [{ vType: 0, vStr: 'v' }] },
          { traceIdLow: 1n, spanId: 5n, operationName: 'before 1970', startTime: -5n },
          {
            traceIdLow: 1n,
            spanId: 6n,
            operationName: 'bad ref',
            references: [{ refType: CHILD_OF, traceIdLow: 1n, spanId: 0n }],
          },
        ],
      }),
    );
    expect(decoded.spans.map((span) => span.name)).toEqual(['good']);
    expect(decoded.rejected).toBe(6);
    expect(decoded.problems).toEqual([
      'span "no trace": trace id is all zeros (traceIdHigh and traceIdLow are 0)',
      'span "no span": span id is all zeros',
      'span "odd tag": tag "x" of the span has an unknown vType 9',
      'span "keyless": a tag of the span has no key',
      'span "before 1970": startTime -5 or duration 1000 is negative',
      'and 1 more',
    ]);
  });
});

describe('payloads that are not what they claim throw MalformedInputError', () => {
  const batch: TestBatch = { serviceName: 's', spans: [{ traceIdLow: 1n, spanId: 2n, tags: [str('k', 'v')] }] };

  test.each(protocols)('truncated %s', (protocol) => {
    const whole = encodeJaegerBatch(batch, protocol);
    for (let cut = 1; cut < whole.length; cut++) {
      expect(() => decodeJaegerBatch(whole.subarray(0, cut), protocol)).toThrow(MalformedInputError);
    }
    expect(() => decodeJaegerBatch(whole.subarray(0, whole.length - 3), protocol)).toThrow(
      /truncated payload\?\) at byte \d+ of \d+/,
    );
  });

  test('an emitBatch message with another name, or of another message type', () => {
    expect(() =>
      decodeJaegerEmitBatch(encodeEmitBatch(batch, 'compact', { name: 'submitBatches' }), 'compact'),
    ).toThrow('the agent accepts Agent.emitBatch messages only, got a message named "submitBatches"');
    expect(() => decodeJaegerEmitBatch(encodeEmitBatch(batch, 'binary', { type: 2 }), 'binary')).toThrow(
      'emitBatch must be a oneway message (type 4), got message type 2',
    );
  });

  test('a list longer than the bytes left is refused before it is read', () => {
    // Batch { 2: list<Span> } with a count of 2^30 and nothing after it (binary protocol).
    const bytes = Buffer.from([15, 0, 2, 12, 0x40, 0, 0, 0]);
    expect(() => decodeJaegerBatch(bytes)).toThrow('Batch.spans claims 1073741824 elements, but only 0 bytes are left');
  });

  test('compact sent to the binary decoder (and the other way round) is refused', () => {
    expect(() => decodeJaegerEmitBatch(encodeEmitBatch(batch, 'compact'), 'binary')).toThrow(MalformedInputError);
    expect(() => decodeJaegerEmitBatch(encodeEmitBatch(batch, 'binary'), 'compact')).toThrow(MalformedInputError);
  });
});
