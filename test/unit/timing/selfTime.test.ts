import { childGaps, selfTime } from 'tracespec';
import { describe, expect, it } from 'vitest';
import { at, timedTrace } from '../../support/timedTrace.ts';

const ms = (value: number) => BigInt(Math.round(value * 1e6));

describe('selfTime', () => {
  it('subtracts the union of the children (overlaps counted once)', () => {
    const { trace, span } = timedTrace({
      name: 'handler',
      start: 0,
      end: 100,
      children: [
        { name: 'a', start: 10, end: 40 },
        { name: 'b', start: 30, end: 60 },
        { name: 'c', start: 80, end: 90 },
      ],
    });
    // covered: 10-60 and 80-90 = 60ms; self = 40ms
    expect(selfTime(trace, span('handler'))).toBe(ms(40));
    expect(selfTime(trace, span('a'))).toBe(ms(30));
  });

  it('counts only direct children, not grandchildren', () => {
    const { trace, span } = timedTrace({
      name: 'root',
      start: 0,
      end: 10,
      children: [{ name: 'child', start: 2, end: 6, children: [{ name: 'grandchild', start: 3, end: 5 }] }],
    });
    expect(selfTime(trace, span('root'))).toBe(ms(6));
    expect(selfTime(trace, span('child'))).toBe(ms(2));
  });

  it('clips children that stick out of the span (clock skew), so it is never negative', () => {
    const { trace, span } = timedTrace({
      name: 'client',
      start: 10,
      end: 20,
      children: [{ name: 'server', service: 'remote', start: 8, end: 21 }],
    });
    expect(selfTime(trace, span('client'))).toBe(0n);
  });

  it('is zero for a zero-length span and the full duration without children', () => {
    const { trace, span } = timedTrace({
      name: 'root',
      start: 0,
      end: 5.5,
      children: [{ name: 'instant', start: 3, end: 3 }],
    });
    expect(selfTime(trace, span('instant'))).toBe(0n);
    expect(selfTime(trace, span('root'))).toBe(ms(5.5));
  });

  it('keeps nanosecond precision', () => {
    const { trace, span } = timedTrace({
      name: 'root',
      start: 0,
      end: 0.000_003,
      children: [{ name: 'child', start: 0.000_001, end: 0.000_002 }],
    });
    expect(selfTime(trace, span('root'))).toBe(2n);
  });
});

describe('childGaps', () => {
  it('lists the time before, between and after the children, with their neighbours', () => {
    const { trace, span } = timedTrace({
      name: 'handler',
      start: 0,
      end: 100,
      children: [
        { name: 'a', start: 10, end: 40 },
        { name: 'b', start: 50, end: 60 },
      ],
    });
    const gaps = childGaps(trace, span('handler'));
    expect(gaps.map((gap) => [gap.startTimeUnixNano, gap.endTimeUnixNano, gap.durationNano])).toEqual([
      [at(0), at(10), ms(10)],
      [at(40), at(50), ms(10)],
      [at(60), at(100), ms(40)],
    ]);
    expect(gaps.map((gap) => [gap.after?.name, gap.before?.name])).toEqual([
      [undefined, 'a'],
      ['a', 'b'],
      ['b', undefined],
    ]);
  });

  it('has no gap between touching children or children that fill the span', () => {
    const { trace, span } = timedTrace({
      name: 'handler',
      start: 0,
      end: 20,
      children: [
        { name: 'a', start: 0, end: 10 },
        { name: 'b', start: 10, end: 20 },
      ],
    });
    expect(childGaps(trace, span('handler'))).toEqual([]);
  });

  it('is the whole span for a leaf, and nothing for a zero-length leaf', () => {
    const { trace, span } = timedTrace({
      name: 'root',
      start: 0,
      end: 4,
      children: [{ name: 'instant', start: 1, end: 1 }],
    });
    expect(childGaps(trace, span('instant'))).toEqual([]);
    // The zero-length child covers no time but still splits the gap list: 0-1 and 1-4.
    expect(childGaps(trace, span('root')).map((gap) => gap.durationNano)).toEqual([ms(1), ms(3)]);
  });
});
