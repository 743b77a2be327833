import { hasSpansWithinParents, isWithinParent, TraceSet } from 'tracespec';
import { describe, expect, it } from 'vitest';
import { timedTrace } from '../../support/timedTrace.ts';

/** A client span (10-40ms) with a server child from another process, shifted by `shift` ms. */
const remote = (shift: number, length = 20) =>
  timedTrace({
    name: 'GET /stock',
    kind: 'client',
    start: 10,
    end: 40,
    children: [{ name: 'stock server', kind: 'server', service: 'stock', start: 15 + shift, end: 15 + shift + length }],
  });

/** isWithinParent of the named span, given its trace. */
const within = (built: ReturnType<typeof timedTrace>, name: string, options = {}) =>
  isWithinParent(built.span(name), options, built.trace);

describe('isWithinParent', () => {
  it('passes for a child inside its parent, and for equal times on both ends', () => {
    const built = timedTrace({
      name: 'root',
      start: 0,
      end: 10,
      children: [
        { name: 'inside', start: 2, end: 8 },
        { name: 'same', start: 0, end: 10 },
        { name: 'instant', start: 10, end: 10 },
      ],
    });
    expect(within(built, 'inside').pass).toBe(true);
    expect(within(built, 'same').pass).toBe(true);
    expect(within(built, 'instant').pass).toBe(true);
  });

  it('tolerates 1ms by default in one process (the SDK stamps starts in whole milliseconds), on both sides', () => {
    const built = timedTrace({
      name: 'root',
      start: 10,
      end: 20,
      children: [
        { name: 'late', start: 15, end: 21 },
        { name: 'later', start: 15, end: 21.001 },
        { name: 'early', start: 9, end: 12 },
        { name: 'earlier', start: 8.999, end: 12 },
      ],
    });
    expect(within(built, 'late').pass).toBe(true);
    expect(within(built, 'later').pass).toBe(false);
    expect(within(built, 'early').pass).toBe(true);
    expect(within(built, 'earlier').pass).toBe(false);
    expect(within(built, 'late', { tolerance: 0 }).pass).toBe(false);
  });

  it('tolerates 5ms of clock skew by default between processes, on both sides', () => {
    // shifted left: starts 5ms before / 5.001ms before the parent
    expect(within(remote(-10), 'stock server').pass).toBe(true);
    expect(within(remote(-10.001), 'stock server').pass).toBe(false);
    // shifted right: ends 5ms after / 5.001ms after the parent
    expect(within(remote(10), 'stock server').pass).toBe(true);
    expect(within(remote(10.001), 'stock server').pass).toBe(false);
    expect(within(remote(10.001), 'stock server', { tolerance: '6ms' }).pass).toBe(true);
  });

  it('says whether it looks like clock skew', () => {
    expect(within(remote(-12), 'stock server').message()).toMatchInlineSnapshot(`
      "Expected: stock server "stock server" 20ms
        to lie within its parent app client "GET /stock" 30ms
      Received: it starts 7ms before its parent (tolerance 5ms): likely clock skew (another process; it fits once shifted by 7ms; raise \`tolerance\` if that is expected)

      trace 4629d50eec4d688b57b24389bf43d333 (2 spans, 37ms; one █ = 925us)
                                         0ms                                 37ms
        GET /stock [app]                 ·······█████████████████████████████████    30ms  ◀ parent
        └─ stock server [stock]          ██████████████████████··················    20ms  ◀ this span"
    `);
  });

  it('throws for a root span', () => {
    expect(() => within(remote(0), 'GET /stock')).toThrowError(
      '[tracespec] toBeWithinParent(): app client "GET /stock" 30ms has no parent in its trace (it is a root).',
    );
  });
});

describe('hasSpansWithinParents', () => {
  const mixed = () =>
    timedTrace({
      name: 'POST /checkout',
      kind: 'server',
      start: 0,
      end: 100,
      children: [
        {
          name: 'GET /stock',
          kind: 'client',
          start: 10,
          end: 40,
          // another process whose clock runs 8ms behind
          children: [{ name: 'stock server', kind: 'server', service: 'stock', start: 4, end: 30 }],
        },
        // same process, outlives its parent: not awaited
        { name: 'send email', start: 90, end: 130 },
        // another process, but longer than its parent: not skew
        {
          name: 'GET /slow',
          kind: 'client',
          start: 50,
          end: 60,
          children: [{ name: 'slow server', kind: 'server', service: 'slow', start: 45, end: 70 }],
        },
        // within the default tolerance
        {
          name: 'GET /price',
          kind: 'client',
          start: 60,
          end: 80,
          children: [{ name: 'price server', kind: 'server', service: 'price', start: 58, end: 78 }],
        },
      ],
    });

  it('reports every span that sticks out, separating likely clock skew from likely bugs', () => {
    const result = hasSpansWithinParents(new TraceSet([mixed().trace]));
    expect(result.pass).toBe(false);
    expect(result.message()).toMatchInlineSnapshot(`
      "Expected: every child span to lie within its parent's time range
      Received: 3 of 7 child spans stick out

      Likely bugs:
        1. slow server "slow server" 25ms
           starts 5ms before and ends 10ms after its parent (tolerance 5ms): not clock skew: the span is longer than its parent
        2. app internal "send email" 40ms
           ends 30ms after its parent (tolerance 1ms): same clock, so not skew: likely the parent ended before this work did (a missing await, or work handed off without a link?); inferred: OpenTelemetry JS reads a span's start from Date.now() and its end from performance.now(), so a process paused between the two reads (a loaded machine) shows that span earlier by the pause

      Likely clock skew:
        3. stock server "stock server" 26ms
           starts 6ms before its parent (tolerance 5ms): likely clock skew (another process; it fits once shifted by 6ms; raise \`tolerance\` if that is expected)

      trace db3239de4b1fada6f1e7bab6f5ade407 (8 spans, 130ms; one █ = 3.25ms)
                                         0ms                                130ms
        POST /checkout [app]             ███████████████████████████████·········   100ms
        ├─ GET /stock [app]              ···██████████···························    30ms
        │  └─ stock server [stock]       ·█████████······························    26ms  ◀ 3 clock skew?
        ├─ GET /slow [app]               ···············████·····················    10ms
        │  └─ slow server [slow]         ·············█████████··················    25ms  ◀ 1 sticks out
        └─ send email [app]              ···························█████████████    40ms  ◀ 2 sticks out"
    `);
  });

  it('can ignore likely clock skew, and still fails on the bugs', () => {
    const { trace } = mixed();
    expect(hasSpansWithinParents(new TraceSet([trace]), { ignoreClockSkew: true }).pass).toBe(false);
    const skewOnly = remote(-12).trace;
    expect(hasSpansWithinParents(new TraceSet([skewOnly])).pass).toBe(false);
    expect(hasSpansWithinParents(new TraceSet([skewOnly]), { ignoreClockSkew: true }).pass).toBe(true);
  });

  it('passes when every child lies within its parent', () => {
    const result = hasSpansWithinParents(new TraceSet([remote(0).trace]));
    expect(result.pass).toBe(true);
    expect(result.message()).toBe(
      "Expected: some child span to stick out of its parent's time range\nReceived: all 1 child spans do",
    );
  });
});
