import { TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { describeExpected, matchesValue } from '../../../src/check/expectation/asymmetric.ts';
import { hasAttributes } from '../../../src/check/span/hasAttributes.ts';
import { hasStatus } from '../../../src/check/span/hasStatus.ts';
import { hasSpan } from '../../../src/check/trace/hasSpan.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

describe('an expected instrumentation scope', () => {
  const span = {
    ...makeSpan({ name: 'GET /users' }),
    scope: { name: '@opentelemetry/instrumentation-http', version: '0.301.0' },
  };
  const traces = TraceSet.fromSpans([span]);
  const found = (scope: { name?: string; version?: string }) => hasSpan(traces, { name: 'GET /users', scope }).pass;

  test('a version is compared when given, and any version matches when only the name is given', () => {
    expect(found({ name: '@opentelemetry/instrumentation-http', version: '0.301.0' })).toBe(true);
    expect(found({ name: '@opentelemetry/instrumentation-http', version: '0.300.0' })).toBe(false);
    expect(found({ name: '@opentelemetry/instrumentation-http' })).toBe(true);
    expect(found({ version: '0.301.0' })).toBe(true);
    expect(found({ name: '@opentelemetry/instrumentation-undici' })).toBe(false);
  });
});

// An expected field value compares numbers and bigints by value (a nanosecond time is a bigint, users write numbers).
describe('an expected value against a bigint one', () => {
  test('a number matches the bigint of the same value, in either direction, and only that value', () => {
    expect(matchesValue(5, 5n)).toBe(true);
    expect(matchesValue(5n, 5)).toBe(true);
    expect(matchesValue(5n, 5n)).toBe(true);
    expect(matchesValue(5, 6n)).toBe(false);
    expect(matchesValue(6n, 5)).toBe(false);
    expect(matchesValue('5', 5n)).toBe(false);
  });
});

// A failure message prints an expected asymmetric matcher the way the user wrote it: its own description first.
describe('an expected asymmetric matcher in a message', () => {
  test('a matcher that describes itself (toAsymmetricMatcher) is printed with that description', () => {
    const within = {
      asymmetricMatch: (value: unknown) => typeof value === 'number' && value >= 1 && value <= 3,
      toString: () => 'Within',
      toAsymmetricMatcher: () => 'Within 1..3',
      sample: [1, 3],
    };
    expect(describeExpected(within)).toBe('Within 1..3');
    expect(describeExpected(expect.stringContaining('card'))).toBe('StringContaining "card"');
    expect(describeExpected(expect.any(Number))).toMatch(/^Any/);
  });
});

// vitest shows the diff of `expected` and `actual` (in the terminal and in editors): they must be the span's own
// fields, nested as the user wrote them, with dotted attribute keys kept whole.
describe('the expected and actual objects of a failed toHaveSpan', () => {
  const root = makeSpan({ name: 'GET /cart', kind: 'server', service: 'shop' });
  const query = makeSpan({
    parent: root,
    name: 'SELECT cart',
    kind: 'client',
    service: 'shop',
    attributes: { 'db.system': 'postgresql', 'db.query.text': 'SELECT 1' },
  });
  const traces = TraceSet.fromSpans([root, query]);

  test('attribute keys with dots stay whole under `attributes`', () => {
    const result = hasSpan(traces, { name: 'SELECT cart', attributes: { 'db.system': 'mysql' } });
    expect(result.pass).toBe(false);
    expect(result.expected).toEqual({ name: 'SELECT cart', attributes: { 'db.system': 'mysql' } });
    expect(result.actual).toEqual({ name: 'SELECT cart', attributes: { 'db.system': 'postgresql' } });
  });

  test('a parent given as a selector must match the parent that is there', () => {
    expect(hasSpan(traces, { name: 'SELECT cart', parent: '[service=shop][kind=server]' }).pass).toBe(true);
    const wrong = hasSpan(traces, { name: 'SELECT cart', parent: '[service=payments]' });
    expect(wrong.pass).toBe(false);
    expect(wrong.message()).toContain('parent');
  });
});

// The span checks (toHaveAttributes, toHaveStatus, toHaveParent, toHaveEvent) hand the runner the fields to diff:
// what was expected, and what the span has where it differs (a field that matched shows as expected on both sides).
describe('the objects a span check gives the runner to diff', () => {
  const span = makeSpan({
    name: 'POST /pay',
    kind: 'server',
    attributes: { 'http.route': '/pay', 'http.response.status_code': 500 },
    status: { code: 'error', message: 'card declined' },
  });
  const trace = TraceSet.fromSpans([span]).only();

  test('attributes: the differing value on the actual side, the matching one the same on both', () => {
    const result = hasAttributes(span, { 'http.route': '/pay', 'http.response.status_code': 200 }, trace);
    expect(result.pass).toBe(false);
    expect(result.expected).toEqual({ attributes: { 'http.route': '/pay', 'http.response.status_code': 200 } });
    expect(result.actual).toEqual({ attributes: { 'http.route': '/pay', 'http.response.status_code': 500 } });
  });

  test('status: the span’s status code on the actual side', () => {
    const result = hasStatus(span, 'ok', trace);
    expect(result.pass).toBe(false);
    expect(result.expected).toEqual({ status: { code: 'ok' } });
    expect(result.actual).toEqual({ status: { code: 'error' } });
  });
});
