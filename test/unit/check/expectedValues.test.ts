import { TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { describeExpected, matchesValue } from '../../../src/check/expectation/asymmetric.ts';
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
