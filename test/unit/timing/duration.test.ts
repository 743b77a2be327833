import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../src/model/duration.ts';

describe('parseDuration', () => {
  it.each([
    ['250us', 250_000n],
    ['250µs', 250_000n],
    ['200ms', 200_000_000n],
    ['1.5s', 1_500_000_000n],
    ['2m', 120_000_000_000n],
    ['1h', 3_600_000_000_000n],
    ['500ns', 500n],
    ['0ms', 0n],
    ['.5ms', 500_000n],
    [' 3 ms ', 3_000_000n],
  ] as const)('reads %j', (input, nanos) => {
    expect(parseDuration(input)).toBe(nanos);
  });

  it('reads numbers as milliseconds', () => {
    expect(parseDuration(200)).toBe(200_000_000n);
    expect(parseDuration(0.25)).toBe(250_000n);
    expect(parseDuration(0)).toBe(0n);
  });

  it('names the unknown unit, lists the valid ones and the option', () => {
    expect(() => parseDuration('200mss', 'toHaveDuration(): option `under`')).toThrowError(
      '[tracespec] toHaveDuration(): option `under`: cannot read the duration "200mss": unknown unit "mss". ' +
        "Write a number followed by one of ns, us, µs, ms, s, m, h (e.g. '250us', '200ms', '1.5s'), or a number of milliseconds.",
    );
  });

  it.each([
    ['200', 'the unit is missing'],
    ['fast', 'it is not a number followed by a unit'],
    ['-5ms', 'it is not a number followed by a unit'],
    ['200MS', 'unknown unit "MS"'],
    ['1,5s', 'it is not a number followed by a unit'],
  ])('rejects %j: %s', (input, reason) => {
    expect(() => parseDuration(input)).toThrowError(reason);
  });

  it('rejects negative and non-finite numbers', () => {
    expect(() => parseDuration(-1)).toThrowError('[tracespec] duration: expected a duration >= 0, got -1.');
    expect(() => parseDuration(Number.NaN)).toThrowError('got NaN');
    expect(() => parseDuration(Number.POSITIVE_INFINITY)).toThrowError('got Infinity');
  });
});
