import { formatB3Multi, formatB3Single, parseB3Multi, parseB3Single } from 'tracespec/propagation';
import { describe, expect, test } from 'vitest';

const T = '80f198ee56343ba864fe8b2a57d3eff7';
const S = 'e457b5a2e4d86bd1';
const P = '05e3ac9a4f6e3b90';

describe('parseB3Single', () => {
  test.each([
    ['ids only', `${T}-${S}`, { traceId: T, spanId: S }],
    ['sampled', `${T}-${S}-1`, { traceId: T, spanId: S, sampling: 'accept' }],
    ['not sampled, with a parent', `${T}-${S}-0-${P}`, { traceId: T, spanId: S, sampling: 'deny', parentSpanId: P }],
    ['debug', `${T}-${S}-d`, { traceId: T, spanId: S, sampling: 'debug' }],
    [
      'a 64-bit trace id, padded',
      `64fe8b2a57d3eff7-${S}-1`,
      { traceId: '000000000000000064fe8b2a57d3eff7', spanId: S, sampling: 'accept' },
    ],
    ['deny only', '0', { sampling: 'deny' }],
    ['accept only', '1', { sampling: 'accept' }],
    ['debug only', 'd', { sampling: 'debug' }],
  ])('reads %s', (_, header, value) => {
    expect(parseB3Single(header)).toEqual({ valid: true, value });
  });

  test.each([
    ['an empty header', '', 'b3 is empty'],
    ['a lone unknown state', 'true', 'b3 with one field must be 0, 1 or d, got "true"'],
    ['an all-zero trace id', `${'0'.repeat(32)}-${S}-1`, 'trace-id is all zeros'],
    ['an all-zero span id', `${T}-${'0'.repeat(16)}-1`, 'span-id is all zeros'],
    ['an upper-case trace id', `${T.toUpperCase()}-${S}`, `trace-id must be lower-case hex ("${T.toUpperCase()}")`],
    [
      'a trace id of 20 characters',
      `${T.slice(0, 20)}-${S}`,
      `trace-id must be 32 hex characters, got 20 ("${T.slice(0, 20)}")`,
    ],
    ['a short span id', `${T}-${S.slice(1)}`, `span-id must be 16 hex characters, got 15 ("${S.slice(1)}")`],
    ['an unknown sampling state', `${T}-${S}-x`, 'sampling state must be 0, 1 or d, got "x"'],
    ['a bad parent', `${T}-${S}-1-${'0'.repeat(16)}`, 'parent-span-id is all zeros'],
    ['five fields', `${T}-${S}-1-${P}-x`, `b3 has 5 fields, at most 4 are allowed ("${T}-${S}-1-${P}-x")`],
  ])('rejects %s', (_, header, reason) => {
    expect(parseB3Single(header)).toEqual({ valid: false, reason });
  });
});

describe('formatB3Single', () => {
  test('writes the fields in order and the state alone without ids', () => {
    expect(formatB3Single({ traceId: T, spanId: S, sampling: 'debug', parentSpanId: P })).toBe(`${T}-${S}-d-${P}`);
    expect(formatB3Single({ traceId: T, spanId: S })).toBe(`${T}-${S}`);
    expect(formatB3Single({ sampling: 'deny' })).toBe('0');
  });

  test('refuses what the format cannot express', () => {
    expect(() => formatB3Single({})).toThrow(
      '[tracespec] formatB3Single needs traceId and spanId, or a sampling state',
    );
    expect(() => formatB3Single({ traceId: T, spanId: S, parentSpanId: P })).toThrow(
      '[tracespec] formatB3Single: a parentSpanId needs a sampling state before it',
    );
  });
});

describe('parseB3Multi', () => {
  test.each([
    [
      'ids and sampled',
      { 'x-b3-traceid': T, 'x-b3-spanid': S, 'x-b3-sampled': '1' },
      { traceId: T, spanId: S, sampling: 'accept' },
    ],
    [
      'a parent and the legacy "false"',
      { 'x-b3-traceid': T, 'x-b3-spanid': S, 'x-b3-parentspanid': P, 'x-b3-sampled': 'false' },
      { traceId: T, spanId: S, parentSpanId: P, sampling: 'deny' },
    ],
    [
      'debug flags over sampled',
      { 'x-b3-traceid': T, 'x-b3-spanid': S, 'x-b3-sampled': '0', 'x-b3-flags': '1' },
      { traceId: T, spanId: S, sampling: 'debug' },
    ],
    ['sampled only', { 'x-b3-sampled': '0' }, { sampling: 'deny' }],
  ] as const)('reads %s', (_, headers, value) => {
    expect(parseB3Multi(headers)).toEqual({ valid: true, value });
  });

  test.each([
    ['no header', {}, 'no X-B3-* header is present'],
    ['a trace id without span id', { 'x-b3-traceid': T }, 'X-B3-TraceId is present but X-B3-SpanId is missing'],
    ['a span id without trace id', { 'x-b3-spanid': S }, 'X-B3-SpanId is present but X-B3-TraceId is missing'],
    [
      'a parent without ids',
      { 'x-b3-parentspanid': P },
      'X-B3-ParentSpanId is present without X-B3-TraceId and X-B3-SpanId',
    ],
    ['an all-zero trace id', { 'x-b3-traceid': '0'.repeat(32), 'x-b3-spanid': S }, 'X-B3-TraceId is all zeros'],
    [
      'sampled "d"',
      { 'x-b3-traceid': T, 'x-b3-spanid': S, 'x-b3-sampled': 'd' },
      'X-B3-Sampled: d is the single-header form; send X-B3-Flags: 1 for debug',
    ],
    ['sampled "yes"', { 'x-b3-sampled': 'yes' }, 'X-B3-Sampled must be 1 or 0, got "yes"'],
    ['flags "2"', { 'x-b3-flags': '2' }, 'X-B3-Flags must be 1 (debug) or 0, got "2"'],
  ] as const)('rejects %s', (_, headers, reason) => {
    expect(parseB3Multi(headers)).toEqual({ valid: false, reason });
  });
});

describe('formatB3Multi', () => {
  test('writes debug as X-B3-Flags and refuses half a pair of ids', () => {
    expect(formatB3Multi({ traceId: T, spanId: S, parentSpanId: P, sampling: 'debug' })).toEqual({
      'x-b3-traceid': T,
      'x-b3-spanid': S,
      'x-b3-parentspanid': P,
      'x-b3-flags': '1',
    });
    expect(() => formatB3Multi({ traceId: T })).toThrow(
      '[tracespec] formatB3Multi needs traceId and spanId together, or neither',
    );
  });
});
