import { decodeZipkinJson, MalformedInputError } from 'tracespec/otlp';
import { describe, expect, test } from 'vitest';
import { padTraceId } from '../../../src/receive/zipkin/padTraceId.ts';

describe('decodeZipkinJson maps Zipkin v2 to spans', () => {
  test('microseconds to nanoseconds, service, tags, annotations, kind, status', () => {
    const { spans } = decodeZipkinJson(
      JSON.stringify([
        {
          traceId: '463AC35C9F6413AD48485A3953BB6124',
          id: 'a2fb4a1d1a96d312',
          parentId: '0020000000000001',
          name: 'get /api',
          kind: 'CLIENT',
          timestamp: 1700000000123456,
          duration: 2500,
          localEndpoint: { serviceName: 'frontend', ipv4: '127.0.0.1' },
          remoteEndpoint: { serviceName: 'backend' },
          annotations: [{ timestamp: 1700000000124000, value: 'ws' }],
          tags: { 'http.method': 'GET', 'otel.status_code': 'ERROR', error: 'timeout' },
        },
        {
          traceId: '463ac35c9f6413ad48485a3953bb6124',
          id: '0020000000000001',
          name: 'root',
          timestamp: 1700000000000000,
        },
      ]),
    );
    expect(spans[0]).toMatchObject({
      traceId: '463ac35c9f6413ad48485a3953bb6124',
      spanId: 'a2fb4a1d1a96d312',
      parentSpanId: '0020000000000001',
      kind: 'client',
      startTimeUnixNano: 1700000000123456000n,
      endTimeUnixNano: 1700000000125956000n,
      durationNano: 2500000n,
      service: 'frontend',
      resource: { 'service.name': 'frontend' },
      attributes: { 'http.method': 'GET', 'peer.service': 'backend' },
      events: [{ name: 'ws', timeUnixNano: 1700000000124000000n }],
      status: { code: 'error', message: 'timeout' },
      source: 'zipkin',
    });
    expect(spans[0]?.attributes['zipkin.trace_id']).toBeUndefined();
    expect(spans[1]).toMatchObject({ kind: 'internal', service: 'unknown_service', status: { code: 'unset' } });
  });

  test('64-bit trace ids are left-padded like the B3 propagator, the original kept as zipkin.trace_id', () => {
    expect(padTraceId('463AC35C9F6413AD')).toBe('0000000000000000463ac35c9f6413ad');
    const { spans } = decodeZipkinJson(
      '[{"traceId":"463ac35c9f6413ad","id":"a2fb4a1d1a96d312","name":"x","timestamp":1700000000000000}]',
    );
    expect(spans[0]?.traceId).toBe('0000000000000000463ac35c9f6413ad');
    expect(spans[0]?.attributes['zipkin.trace_id']).toBe('463ac35c9f6413ad');
  });

  test('invalid ids are rejected span by span; a wrong shape is malformed', () => {
    const decoded = decodeZipkinJson(
      '[{"traceId":"12","id":"a2fb4a1d1a96d312"},{"traceId":"463ac35c9f6413ad","id":"a2fb4a1d1a96d312","timestamp":1}]',
    );
    expect(decoded.spans).toHaveLength(1);
    expect(decoded.rejected).toBe(1);
    expect(() => decodeZipkinJson('{"spans":[]}')).toThrow(MalformedInputError);
    expect(() => decodeZipkinJson('{"spans":[]}')).toThrow(/expects a JSON array of spans, got object/);
    expect(() =>
      decodeZipkinJson('[{"traceId":"463ac35c9f6413ad","id":"a2fb4a1d1a96d312","timestamp":"yesterday"}]'),
    ).toThrow(/\[0\]\.timestamp should be a non-negative number/);
  });
});

describe('a Zipkin span without a timestamp is rejected, never stored as a span of 1970', () => {
  test('missing, null or 0: rejected by name and counted; the others of the request kept', () => {
    const span = (id: string, name: string, timestamp?: unknown) => ({
      traceId: '463ac35c9f6413ad48485a3953bb6124',
      id,
      name,
      duration: 10,
      ...(timestamp === undefined ? {} : { timestamp }),
    });
    const decoded = decodeZipkinJson(
      JSON.stringify([
        span('0000000000000001', 'no time'),
        span('0000000000000002', 'null time', null),
        span('0000000000000003', 'zero time', 0),
        span('0000000000000004', 'timed', 1700000000000000),
      ]),
    );
    expect(decoded.spans.map((s) => s.name)).toEqual(['timed']);
    expect(decoded.rejected).toBe(3);
    expect(decoded.problems).toEqual([
      'span "no time": no timestamp (epoch microseconds), so it cannot be placed in time',
      'span "null time": no timestamp (epoch microseconds), so it cannot be placed in time',
      'span "zero time": no timestamp (epoch microseconds), so it cannot be placed in time',
    ]);
  });
});
