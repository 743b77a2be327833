import { isOrdered } from 'tracespec';
import { describe, expect, it } from 'vitest';
import { spanRecord } from '../../support/spanRecord.ts';
import { at, timedTrace } from '../../support/timedTrace.ts';

const { span, trace } = timedTrace({
  name: 'handler',
  start: 0,
  end: 100,
  children: [
    { name: 'a', start: 10, end: 30 },
    { name: 'b', start: 30, end: 50 }, // starts exactly when a ends
    { name: 'c', start: 10, end: 50 }, // same start as a, same end as b
    { name: 'instant', start: 40, end: 40 },
    { name: 'edge', start: 50, end: 50 }, // zero-length, at b's end
    { name: 'late', start: 51, end: 60 },
  ],
});

const exact = { tolerance: 0 };

describe('order between two spans, compared exactly (tolerance 0)', () => {
  it('toStartAfter and toEndBefore are strict: equal times do not count', () => {
    expect(isOrdered('startsAfter', span('b'), span('a'), exact).pass).toBe(true);
    expect(isOrdered('startsAfter', span('a'), span('c'), exact).pass).toBe(false);
    expect(isOrdered('startsAfter', span('a'), span('b'), exact).pass).toBe(false);
    expect(isOrdered('endsBefore', span('a'), span('b'), exact).pass).toBe(true);
    expect(isOrdered('endsBefore', span('b'), span('c'), exact).pass).toBe(false);
  });

  it('toStartAfterEndOf accepts a start exactly at the other end', () => {
    expect(isOrdered('startsAfterEndOf', span('b'), span('a'), exact).pass).toBe(true);
    expect(isOrdered('startsAfterEndOf', span('late'), span('b'), exact).pass).toBe(true);
    expect(isOrdered('startsAfterEndOf', span('c'), span('a'), exact).pass).toBe(false);
  });

  it('toOverlap needs time in common: touching spans do not overlap, a zero-length span strictly inside does', () => {
    expect(isOrdered('overlaps', span('a'), span('c'), exact).pass).toBe(true);
    expect(isOrdered('overlaps', span('a'), span('b'), exact).pass).toBe(false);
    expect(isOrdered('overlaps', span('instant'), span('b'), exact).pass).toBe(true);
    expect(isOrdered('overlaps', span('edge'), span('b'), exact).pass).toBe(false);
  });

  it('resolves a partial span in the same trace and must hold against every match', () => {
    expect(isOrdered('startsAfterEndOf', span('late'), { name: /^[abc]$/ }, exact, trace).pass).toBe(true);
    expect(isOrdered('startsAfterEndOf', span('b'), { name: /^[ac]$/ }, exact, trace).pass).toBe(false);
    expect(() => isOrdered('startsAfter', span('b'), { name: 'nope' }, exact, trace)).toThrowError(
      '[tracespec] toStartAfter(other): no span matches { name: "nope" } among 7 spans.',
    );
    expect(() => isOrdered('overlaps', span('b'), { name: 'b' }, exact, trace)).toThrowError(
      '[tracespec] toOverlap(other): { name: "b" } matches only the span itself.',
    );
  });

  it('needs the trace to look a partial span up', () => {
    expect(() => isOrdered('startsAfterEndOf', span('late'), { name: 'a' }, exact)).toThrowError(
      /toStartAfterEndOf\(other\): app internal "late" 9ms is in none of the traces given, so \{ name: "a" \} \(the other spans\) cannot be looked up/,
    );
  });

  it('shows the times that disprove it on the waterfall', () => {
    expect(isOrdered('startsAfterEndOf', span('c'), { name: /^[ab]$/ }, exact, trace).message()).toMatchInlineSnapshot(`
      "Expected: app internal "c" 40ms
        to start after the end of each of 2 spans matching { name: /^[ab]$/ }
      Received: it does not:
        starts 20ms before the end of app internal "a" 20ms
        starts 40ms before the end of app internal "b" 20ms

      trace 78c85f6a5824781eff7b54db08c309a1 (7 spans, 100ms; one █ = 2.5ms)
                                         0ms                                100ms
        handler                          ████████████████████████████████████████   100ms
        ├─ a                             ····████████····························    20ms  ◀ other 1
        ├─ c                             ····████████████████····················    40ms  ◀ this span
        └─ b                             ············████████····················    20ms  ◀ other 2"
    `);
  });
});

describe('order between spans of different processes (clock skew)', () => {
  // The server's clock runs behind: its span appears to start 3ms before the client sent the request.
  const { span: remote } = timedTrace({
    name: 'client',
    kind: 'client',
    start: 10,
    end: 40,
    children: [{ name: 'server', kind: 'server', service: 'stock', start: 7, end: 35 }],
  });

  it('tolerates 5ms by default across processes', () => {
    expect(isOrdered('startsAfter', remote('server'), remote('client')).pass).toBe(true);
    expect(isOrdered('startsAfter', remote('server'), remote('client'), { tolerance: '3ms' }).pass).toBe(false);
    expect(isOrdered('startsAfter', remote('server'), remote('client'), { tolerance: '3.001ms' }).pass).toBe(true);
  });

  it('tolerates 1ms by default within one process (the SDK stamps starts in whole milliseconds)', () => {
    const first = spanRecord({ name: 'first', start: at(10), end: at(20) });
    const second = spanRecord({ name: 'second', start: at(19), end: at(30) });
    const third = spanRecord({ name: 'third', start: at(18.999), end: at(30) });
    expect(isOrdered('startsAfterEndOf', second, first).pass).toBe(true);
    expect(isOrdered('startsAfterEndOf', third, first).pass).toBe(false);
    expect(isOrdered('startsAfterEndOf', second, first, exact).pass).toBe(false);
    // Equal starts count as "after" within the resolution of the clock.
    const twin = spanRecord({ name: 'twin', start: at(10), end: at(12) });
    expect(isOrdered('startsAfter', twin, first).pass).toBe(true);
    expect(isOrdered('startsAfter', twin, first, exact).pass).toBe(false);
  });

  it('names the tolerance in the message', () => {
    expect(
      isOrdered('startsAfter', remote('server'), remote('client'), { tolerance: '1ms' }).message(),
    ).toMatchInlineSnapshot(`
      "Expected: stock server "server" 28ms
        to start after app client "client" 30ms
      Received: it does not:
        starts 3ms before the start of app client "client" 30ms (tolerance 1ms)

      trace c8d703cc6e9ff4daa5febd46eec04c2c (2 spans, 33ms; one █ = 825us)
                                         0ms                                 33ms
        client [app]                     ···█████████████████████████████████████    30ms  ◀ other
        └─ server [stock]                ██████████████████████████████████······    28ms  ◀ this span"
    `);
  });
});
