import { readCarriedContext, readCarriedIds } from 'tracespec/propagation';
import { describe, expect, test } from 'vitest';

const T = '12345678901234567890123456789012';
const P = '1234567890123456';
const TP = `00-${T}-${P}-01`;

describe('readCarriedContext', () => {
  test.each(['traceparent', 'TraceParent', 'TrAcEpArEnT', 'TRACEPARENT'])('finds the header named %s', (name) => {
    expect(readCarriedContext({ [name]: TP }).traceparent?.valid).toBe(true);
  });

  test.each(['trace-parent', 'trace.parent'])('ignores the wrongly named %s', (name) => {
    expect(readCarriedContext({ [name]: TP })).toEqual({});
  });

  test.each(['TraceState', 'TrAcEsTaTe', 'TRACESTATE'])('finds tracestate named %s', (name) => {
    expect(readCarriedContext({ traceparent: TP, [name]: 'foo=1' }).tracestate).toEqual({
      valid: true,
      value: [{ key: 'foo', value: '1' }],
    });
  });

  test.each(['trace-state', 'trace.state'])('ignores the wrongly named %s', (name) => {
    expect(readCarriedContext({ traceparent: TP, [name]: 'foo=1' }).tracestate).toBeUndefined();
  });

  test('reports a traceparent sent twice (joined by ", " as fetch Headers do)', () => {
    expect(readCarriedContext({ traceparent: `${TP}, ${TP}` }).traceparent).toEqual({
      valid: false,
      reason: 'traceparent appears 2 times, it must appear once',
    });
  });

  test('parses every format present and only those', () => {
    const carried = readCarriedContext({
      b3: `${T}-${P}-1`,
      'X-B3-TraceId': T,
      'X-B3-SpanId': P,
      'uber-trace-id': `${T}:${P}:0:1`,
      'uberctx-tenant': 'acme',
      baggage: 'tenant=acme',
    });
    expect(Object.keys(carried).sort()).toEqual(['b3', 'b3multi', 'baggage', 'jaeger', 'jaegerBaggage']);
    expect(Object.values(carried).every((result) => result.valid)).toBe(true);
  });
});

describe('readCarriedIds', () => {
  test('gives the same ids whatever the format', () => {
    const carried = readCarriedContext({
      traceparent: TP,
      b3: `${T}-${P}-1`,
      'x-b3-traceid': T,
      'x-b3-spanid': P,
      'uber-trace-id': `${T}:${P}:0:1`,
    });
    for (const format of ['w3c', 'b3', 'jaeger'] as const) {
      expect(readCarriedIds(carried, format)).toEqual({
        valid: true,
        value: { format, traceId: T, parentSpanId: P, sampled: true },
      });
    }
    expect(readCarriedIds(carried, 'b3multi')).toEqual({
      valid: true,
      value: { format: 'b3multi', traceId: T, parentSpanId: P },
    });
  });

  test('is undefined for a format not sent, and invalid for a B3 decision without ids', () => {
    expect(readCarriedIds(readCarriedContext({}), 'w3c')).toBeUndefined();
    expect(readCarriedIds(readCarriedContext({ b3: '0' }), 'b3')).toEqual({
      valid: false,
      reason: 'b3 carries only a sampling decision (deny), no trace id',
    });
  });
});
