import { resolveSpans, runsInParallel, runsInSequence } from 'tracespec';
import { describe, expect, it } from 'vitest';
import { timedTrace } from '../../support/timedTrace.ts';

const calls = (times: readonly (readonly [number, number])[], service?: (i: number) => string) =>
  timedTrace({
    name: 'handler',
    kind: 'server',
    start: 0,
    end: 100,
    children: times.map(([start, end], i) => ({
      name: `call ${i + 1}`,
      kind: 'client' as const,
      start,
      end,
      ...(service ? { service: service(i) } : {}),
    })),
  }).trace;

const group = (times: readonly (readonly [number, number])[], service?: (i: number) => string) =>
  resolveSpans(calls(times, service), { kind: 'client' });

describe('runsInParallel', () => {
  it('passes when every two spans share time, fails when one pair does not', () => {
    expect(
      runsInParallel(
        group([
          [10, 50],
          [12, 40],
          [30, 60],
        ]),
      ).pass,
    ).toBe(true);
    expect(
      runsInParallel(
        group([
          [10, 30],
          [12, 40],
          [30, 60],
        ]),
      ).pass,
    ).toBe(false); // 1 and 3 only touch
  });

  it('counts identical spans as parallel, and zero-length spans only strictly inside the others', () => {
    expect(
      runsInParallel(
        group([
          [10, 30],
          [10, 30],
        ]),
      ).pass,
    ).toBe(true);
    expect(
      runsInParallel(
        group([
          [10, 30],
          [20, 20],
        ]),
      ).pass,
    ).toBe(true);
    expect(
      runsInParallel(
        group([
          [10, 30],
          [30, 30],
        ]),
      ).pass,
    ).toBe(false);
  });

  it('tolerates clock skew between processes, on both sides of the tolerance', () => {
    const apart = [
      [10, 30],
      [34, 50],
    ] as const;
    expect(runsInParallel(group(apart, (i) => `svc${i}`)).pass).toBe(true); // 4ms apart, 5ms tolerated
    expect(
      runsInParallel(
        group(apart, (i) => `svc${i}`),
        { tolerance: '4ms' },
      ).pass,
    ).toBe(false);
    expect(runsInParallel(group(apart)).pass).toBe(false); // one process: no tolerance
  });

  it('needs at least two spans', () => {
    expect(() => runsInParallel(group([[1, 2]]))).toThrowError(
      '[tracespec] toRunInParallel() needs a group of at least two spans, got 1.',
    );
  });

  it('shows the calls that ran one after the other', () => {
    expect(
      runsInParallel(
        group([
          [5, 30],
          [30, 60],
          [65, 95],
        ]),
      ).message(),
    ).toMatchInlineSnapshot(`
      "Expected: 3 spans to run in parallel (all in flight at one moment)
      Received: 3 pairs never ran at the same time:
        #2 starts just as #1 ends
        #3 starts 35ms after #1 ends
        #3 starts 5ms after #2 ends
      The group:
        1. app client "call 1" 25ms
        2. app client "call 2" 30ms
        3. app client "call 3" 30ms

      trace 4bf92f3577b34da6a3ce929d0e0e4736 (4 spans, 100ms; one █ = 2.5ms)
                                         0ms                                100ms
        handler                          ████████████████████████████████████████   100ms
        ├─ call 1                        ··██████████····························    25ms  ◀ 1
        ├─ call 2                        ············████████████················    30ms  ◀ 2
        └─ call 3                        ··························████████████··    30ms  ◀ 3"
    `);
  });
});

describe('runsInSequence', () => {
  it('passes when each starts at or after the end of the previous one (touching counts)', () => {
    expect(
      runsInSequence(
        group([
          [5, 30],
          [30, 60],
          [65, 95],
        ]),
      ).pass,
    ).toBe(true);
    expect(
      runsInSequence(
        group([
          [5, 30],
          [29, 60],
        ]),
      ).pass,
    ).toBe(false);
  });

  it('orders the group by start time, whatever the input order', () => {
    const spans = group([
      [5, 30],
      [30, 60],
      [65, 95],
    ]);
    expect(runsInSequence([...spans].reverse()).pass).toBe(true);
  });

  it('handles zero-length spans and equal times', () => {
    expect(
      runsInSequence(
        group([
          [10, 10],
          [10, 10],
          [10, 20],
        ]),
      ).pass,
    ).toBe(true);
    expect(
      runsInSequence(
        group([
          [10, 20],
          [10, 20],
        ]),
      ).pass,
    ).toBe(false);
  });

  it('checks the gaps against a bound', () => {
    const spans = group([
      [5, 30],
      [30, 60],
      [65, 95],
    ]);
    expect(runsInSequence(spans, { gap: { under: '5.001ms' } }).pass).toBe(true);
    expect(runsInSequence(spans, { gap: { under: '5ms' } }).pass).toBe(false);
    expect(
      runsInSequence(spans, { gap: { under: '5ms' } })
        .message()
        .split('\n')
        .slice(0, 3),
    ).toEqual([
      'Expected: 3 spans to run in sequence (each after the previous one ended, gaps under 5ms)',
      'Received: 1 problem:',
      '  the gap between #2 and #3 is 5ms, not under 5ms',
    ]);
  });

  it('tolerates clock skew between processes, on both sides of the tolerance', () => {
    const overlapping = [
      [10, 30],
      [25, 50],
    ] as const;
    expect(runsInSequence(group(overlapping, (i) => `svc${i}`)).pass).toBe(true); // 5ms overlap, 5ms tolerated
    expect(
      runsInSequence(
        group(overlapping, (i) => `svc${i}`),
        { tolerance: '4.999ms' },
      ).pass,
    ).toBe(false);
  });

  it('shows the calls that overlapped', () => {
    expect(
      runsInSequence(
        group([
          [2, 20],
          [2, 45],
          [3, 30],
        ]),
      ).message(),
    ).toMatchInlineSnapshot(`
      "Expected: 3 spans to run in sequence (each after the previous one ended)
      Received: 2 problems:
        #2 starts 18ms before #1 ends
        #3 starts 42ms before #2 ends
      The group, in start order:
        1. app client "call 1" 18ms
        2. app client "call 2" 43ms
        3. app client "call 3" 27ms

      trace 4bf92f3577b34da6a3ce929d0e0e4736 (4 spans, 100ms; one █ = 2.5ms)
                                         0ms                                100ms
        handler                          ████████████████████████████████████████   100ms
        ├─ call 1                        ████████································    18ms  ◀ 1
        ├─ call 2                        ██████████████████······················    43ms  ◀ 2
        └─ call 3                        ·███████████····························    27ms  ◀ 3"
    `);
  });
});
