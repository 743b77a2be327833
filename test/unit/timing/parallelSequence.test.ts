import { isParallel, isSequential } from 'tracespec';
import { describe, expect, it } from 'vitest';
import { resolveSpans } from '../../../src/check/expectation/resolveSpans.ts';
import { timedTrace } from '../../support/timedTrace.ts';

/**
 * The client calls of a handler (0-100ms), written as `'start-end start-end ...'` in milliseconds; with
 * `processes`, each call comes from its own service (another process, another clock).
 */
const built = (times: string, processes = false) => {
  const { trace } = timedTrace({
    name: 'handler',
    kind: 'server',
    start: 0,
    end: 100,
    children: times.split(' ').map((range, i) => {
      const [start, end] = range.split('-').map(Number) as [number, number];
      return {
        name: `call ${i + 1}`,
        kind: 'client' as const,
        start,
        end,
        ...(processes ? { service: `svc${i}` } : {}),
      };
    }),
  });
  return { trace, spans: resolveSpans(trace, { kind: 'client' }) };
};
const group = (times: string, processes = false) => built(times, processes).spans;

/** Exact comparisons: these spans are made with exact times, so no clock resolution needs absorbing. */
const exact = { tolerance: 0 };

describe('isParallel', () => {
  it('passes when every two spans share time, fails when one pair does not', () => {
    expect(isParallel(group('10-50 12-40 30-60'), exact).pass).toBe(true);
    expect(isParallel(group('10-30 12-40 30-60'), exact).pass).toBe(false); // 1 and 3 only touch
  });

  it('counts identical spans as parallel, and zero-length spans only strictly inside the others', () => {
    expect(isParallel(group('10-30 10-30'), exact).pass).toBe(true);
    expect(isParallel(group('10-30 20-20'), exact).pass).toBe(true);
    expect(isParallel(group('10-30 30-30'), exact).pass).toBe(false);
  });

  it('needs more than the 1ms same-process tolerance in common, on both sides', () => {
    expect(isParallel(group('5-30 28.999-60')).pass).toBe(true);
    expect(isParallel(group('5-30 29-60')).pass).toBe(false); // 1ms in common: could be a sequence
    expect(isParallel(group('5-30 29-60'), exact).pass).toBe(true);
  });

  it('needs more than the 5ms clock-skew tolerance in common between processes, on both sides', () => {
    expect(isParallel(group('10-30 24.999-50', true)).pass).toBe(true);
    expect(isParallel(group('10-30 25-50', true)).pass).toBe(false);
    expect(isParallel(group('10-30 25-50', true), { tolerance: '4.999ms' }).pass).toBe(true);
  });

  it('never agrees with isSequential on two spans, whatever the tolerance', () => {
    for (const times of ['5-30 28-60', '5-30 29-60', '5-30 29.5-60', '5-30 30-60', '5-30 31-60', '5-30 5-30']) {
      for (const tolerance of [0, '1ms', '5ms'] as const) {
        const spans = group(times);
        expect(isParallel(spans, { tolerance }).pass).toBe(!isSequential(spans, { tolerance }).pass);
      }
    }
  });

  it('needs at least two spans', () => {
    expect(() => isParallel(group('1-2'))).toThrowError(
      '[tracespec] toRunInParallel() needs a group of at least two spans, got 1.',
    );
  });

  it('shows the calls that ran one after the other', () => {
    const sequence = built('5-30 30-60 65-95');
    expect(isParallel(sequence.spans, exact, sequence.trace).message()).toMatchInlineSnapshot(`
      "Expected: 3 spans to run in parallel (all in flight at one moment)
      Received: 3 pairs not shown to run at the same time:
        #2 starts just as #1 ends
        #3 starts 35ms after #1 ends
        #3 starts 5ms after #2 ends
      The group:
        1. app client "call 1" 25ms
        2. app client "call 2" 30ms
        3. app client "call 3" 30ms

      trace 09857f79257b629087fe8c7db9e2f0b7 (4 spans, 100ms; one █ = 2.5ms)
                                         0ms                                100ms
        handler                          ████████████████████████████████████████   100ms
        ├─ call 1                        ··██████████····························    25ms  ◀ 1
        ├─ call 2                        ············████████████················    30ms  ◀ 2
        └─ call 3                        ··························████████████··    30ms  ◀ 3"
    `);
  });
});

describe('isSequential', () => {
  it('passes when each starts at or after the end of the previous one (touching counts)', () => {
    expect(isSequential(group('5-30 30-60 65-95'), exact).pass).toBe(true);
    expect(isSequential(group('5-30 29.999-60'), exact).pass).toBe(false);
  });

  it('orders the group by start time, whatever the input order', () => {
    expect(isSequential([...group('5-30 30-60 65-95')].reverse(), exact).pass).toBe(true);
  });

  it('handles zero-length spans and equal times', () => {
    expect(isSequential(group('10-10 10-10 10-20'), exact).pass).toBe(true);
    expect(isSequential(group('10-20 10-20'), exact).pass).toBe(false);
  });

  it('tolerates 1ms by default within one process, on both sides', () => {
    expect(isSequential(group('5-30 29-60')).pass).toBe(true);
    expect(isSequential(group('5-30 28.999-60')).pass).toBe(false);
  });

  it('tolerates 5ms of clock skew by default between processes, on both sides', () => {
    expect(isSequential(group('10-30 25-50', true)).pass).toBe(true);
    expect(isSequential(group('10-30 24.999-50', true)).pass).toBe(false);
    expect(isSequential(group('10-30 25-50', true), { tolerance: '4.999ms' }).pass).toBe(false);
  });

  it('checks the gaps against a bound', () => {
    const spans = group('5-30 30-60 65-95');
    expect(isSequential(spans, { gap: { under: '5.001ms' } }).pass).toBe(true);
    expect(isSequential(spans, { gap: { under: '5ms' } }).pass).toBe(false);
    expect(
      isSequential(spans, { gap: { under: '5ms' } })
        .message()
        .split('\n')
        .slice(0, 3),
    ).toEqual([
      'Expected: 3 spans to run in sequence (each after the previous one ended, gaps under 5ms)',
      'Received: 1 problem:',
      '  the gap between #2 and #3 is 5ms, not under 5ms',
    ]);
  });

  it('shows the calls that overlapped', () => {
    const overlapping = built('2-20 2-45 3-30');
    expect(isSequential(overlapping.spans, {}, overlapping.trace).message()).toMatchInlineSnapshot(`
      "Expected: 3 spans to run in sequence (each after the previous one ended)
      Received: 2 problems:
        #2 starts 18ms before #1 ends (tolerance 1ms)
        #3 starts 42ms before #2 ends (tolerance 1ms)
      The group, in start order:
        1. app client "call 1" 18ms
        2. app client "call 2" 43ms
        3. app client "call 3" 27ms

      trace 0878a26c48821bdea0e141013d0b2e3e (4 spans, 100ms; one █ = 2.5ms)
                                         0ms                                100ms
        handler                          ████████████████████████████████████████   100ms
        ├─ call 1                        ████████································    18ms  ◀ 1
        ├─ call 2                        ██████████████████······················    43ms  ◀ 2
        └─ call 3                        ·███████████····························    27ms  ◀ 3"
    `);
  });
});
