import { formatJaeger, formatJaegerBaggage, parseJaeger, parseJaegerBaggage } from 'tracespec/propagation';
import { describe, expect, test } from 'vitest';

const T = '4bf92f3577b34da6a3ce929d0e0e4736';
const S = '00f067aa0ba902b7';

describe('parseJaeger', () => {
  test.each([
    ['a sampled context', `${T}:${S}:0:1`, { traceId: T, spanId: S, flags: 1, sampled: true, debug: false }],
    [
      'a debug context with a parent',
      `${T}:${S}:53ce929d0e0e4736:3`,
      { traceId: T, spanId: S, parentSpanId: '53ce929d0e0e4736', flags: 3, sampled: true, debug: true },
    ],
    [
      'short ids, padded',
      'a3ce929d0e0e4736:f067aa0ba902b7:0:0',
      {
        traceId: '0000000000000000a3ce929d0e0e4736',
        spanId: '00f067aa0ba902b7',
        flags: 0,
        sampled: false,
        debug: false,
      },
    ],
    ['percent-encoded ":"', `${T}%3A${S}%3A0%3A1`, { traceId: T, spanId: S, flags: 1, sampled: true, debug: false }],
    [
      'upper-case hex, lowered',
      `${T.toUpperCase()}:${S}:0:1`,
      { traceId: T, spanId: S, flags: 1, sampled: true, debug: false },
    ],
  ])('reads %s', (_, header, value) => {
    expect(parseJaeger(header)).toEqual({ valid: true, value });
  });

  test.each([
    [
      'three fields',
      `${T}:${S}:1`,
      `uber-trace-id must be trace-id:span-id:parent-span-id:flags (4 fields), got "${T}:${S}:1"`,
    ],
    ['an all-zero trace id', `0:${S}:0:1`, 'trace-id is all zeros'],
    ['an all-zero span id', `${T}:0000:0:1`, 'span-id is all zeros'],
    ['an empty span id', `${T}::0:1`, 'span-id is empty'],
    ['a trace id of 33 characters', `${T}1:${S}:0:1`, `trace-id must be at most 32 hex characters, got 33 ("${T}1")`],
    ['a bad parent', `${T}:${S}:xyz:1`, 'parent-span-id contains a character that is not hex ("xyz")'],
    ['flags of 3 characters', `${T}:${S}:0:100`, 'flags must be 1 or 2 hex characters, got "100"'],
  ])('rejects %s', (_, header, reason) => {
    expect(parseJaeger(header)).toEqual({ valid: false, reason });
  });
});

describe('formatJaeger', () => {
  test('writes a missing parent as 0 and builds the flags', () => {
    expect(formatJaeger({ traceId: T, spanId: S, sampled: true, debug: true })).toBe(`${T}:${S}:0:3`);
    expect(formatJaeger({ traceId: T, spanId: S, parentSpanId: 'a3ce929d0e0e4736', flags: 0 })).toBe(
      `${T}:${S}:a3ce929d0e0e4736:0`,
    );
  });
});

describe('Jaeger baggage', () => {
  test('reads uberctx-* headers, decoded, and ignores others', () => {
    expect(parseJaegerBaggage({ 'uberctx-tenant': 'acme%20corp', 'uberctx-user': '42', accept: '*/*' })).toEqual({
      valid: true,
      value: { tenant: 'acme corp', user: '42' },
    });
  });

  test('rejects a broken encoding or a missing key', () => {
    expect(parseJaegerBaggage({ 'uberctx-x': '%E2' })).toEqual({
      valid: false,
      reason: 'value of "uberctx-x" has invalid percent-encoding ("%E2")',
    });
    expect(parseJaegerBaggage({ 'uberctx-': '1' })).toEqual({
      valid: false,
      reason: 'header "uberctx-" has no key after uberctx-',
    });
  });

  test('formats one header per key', () => {
    expect(formatJaegerBaggage({ tenant: 'acme corp' })).toEqual({ 'uberctx-tenant': 'acme%20corp' });
  });
});

test('a baggage key named __proto__ stays an ordinary key', () => {
  const parsed = parseJaegerBaggage({ 'uberctx-__proto__': 'x' });
  expect(parsed.valid && Object.keys(parsed.value)).toEqual(['__proto__']);
  expect(parseJaegerBaggage(formatJaegerBaggage(JSON.parse('{"__proto__":"x"}')))).toEqual(parsed);
});
