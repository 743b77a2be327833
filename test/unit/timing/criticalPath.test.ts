import { criticalPath, Trace } from 'tracespec';
import { describe, expect, it } from 'vitest';
import { spanRecord } from '../../support/spanRecord.ts';
import { at, timedTrace } from '../../support/timedTrace.ts';

const ms = (value: number) => BigInt(Math.round(value * 1e6));
const names = (trace: Trace) => criticalPath(trace).spans.map((span) => span.name);
const segments = (trace: Trace) =>
  criticalPath(trace).segments.map(
    (segment) =>
      `${segment.span.name} ${Number(segment.startTimeUnixNano - at(0)) / 1e6}-${Number(segment.endTimeUnixNano - at(0)) / 1e6}`,
  );

describe('criticalPath (hand-computed)', () => {
  it('goes through every call of a sequence', () => {
    const { trace } = timedTrace({
      name: 'handler',
      start: 0,
      end: 100,
      children: [
        { name: 'a', start: 5, end: 30 },
        { name: 'b', start: 30, end: 60 },
        { name: 'c', start: 65, end: 95 },
      ],
    });
    expect(names(trace)).toEqual(['handler', 'a', 'b', 'c']);
    expect(segments(trace)).toEqual(['handler 0-5', 'a 5-30', 'b 30-60', 'handler 60-65', 'c 65-95', 'handler 95-100']);
    expect(criticalPath(trace).durationNano).toBe(ms(100));
  });

  it('leaves out a zero-length call: it explains none of the wait', () => {
    const { trace } = timedTrace({
      name: 'handler',
      start: 0,
      end: 40,
      children: [
        { name: 'cache hit', start: 40, end: 40 },
        { name: 'a', start: 10, end: 30 },
      ],
    });
    expect(names(trace)).toEqual(['handler', 'a']);
    expect(segments(trace)).toEqual(['handler 0-10', 'a 10-30', 'handler 30-40']);
  });

  it('leaves out a call that began after its parent ended (work nobody waited for)', () => {
    const { trace } = timedTrace({
      name: 'handler',
      start: 0,
      end: 40,
      children: [
        { name: 'a', start: 10, end: 30 },
        { name: 'fire and forget', start: 45, end: 60 },
      ],
    });
    expect(segments(trace)).toEqual(['handler 0-10', 'a 10-30', 'handler 30-40']);
  });

  it('goes through the slowest call of a parallel fan-out only', () => {
    const { trace } = timedTrace({
      name: 'handler',
      start: 0,
      end: 50,
      children: [
        { name: 'a', start: 2, end: 20 },
        { name: 'b', start: 2, end: 45 },
        { name: 'c', start: 3, end: 30 },
      ],
    });
    expect(names(trace)).toEqual(['handler', 'b']);
    expect(segments(trace)).toEqual(['handler 0-2', 'b 2-45', 'handler 45-50']);
  });

  it('descends into the child a span waited for, then into its children', () => {
    const { trace } = timedTrace({
      name: 'POST /checkout',
      start: 0,
      end: 100,
      children: [
        { name: 'auth', start: 1, end: 10 },
        {
          name: 'GET /stock',
          kind: 'client',
          start: 10,
          end: 90,
          children: [
            {
              name: 'stock server',
              kind: 'server',
              service: 'stock',
              start: 12,
              end: 88,
              children: [
                { name: 'SELECT 1', start: 20, end: 40 },
                { name: 'SELECT 2', start: 40, end: 80 },
              ],
            },
          ],
        },
        // Overlaps GET /stock and ends before it: not what the handler waited for.
        { name: 'audit log', start: 50, end: 60 },
      ],
    });
    expect(names(trace)).toEqual(['POST /checkout', 'auth', 'GET /stock', 'stock server', 'SELECT 1', 'SELECT 2']);
    expect(segments(trace)).toEqual([
      'POST /checkout 0-1',
      'auth 1-10',
      'GET /stock 10-12',
      'stock server 12-20',
      'SELECT 1 20-40',
      'SELECT 2 40-80',
      'stock server 80-88',
      'GET /stock 88-90',
      'POST /checkout 90-100',
    ]);
    expect(criticalPath(trace).durationNano).toBe(trace.durationNano);
  });

  it('keeps a parent on the path when its children leave it no self time', () => {
    const { trace } = timedTrace({
      name: 'root',
      start: 0,
      end: 20,
      children: [
        { name: 'a', start: 0, end: 10 },
        { name: 'b', start: 10, end: 20 },
      ],
    });
    expect(names(trace)).toEqual(['root', 'a', 'b']);
    expect(segments(trace)).toEqual(['a 0-10', 'b 10-20']);
  });

  it('clips a child that sticks out of its parent (clock skew) to the parent', () => {
    const { trace } = timedTrace({
      name: 'client',
      start: 10,
      end: 20,
      children: [{ name: 'server', service: 'remote', start: 9, end: 22 }],
    });
    expect(segments(trace)).toEqual(['server 10-20']);
    expect(criticalPath(trace).durationNano).toBe(ms(10));
  });

  it('leaves zero-length spans out, and picks the longer of two children that end together', () => {
    const { trace } = timedTrace({
      name: 'root',
      start: 0,
      end: 10,
      children: [
        { name: 'instant', start: 9, end: 9 },
        { name: 'short', start: 6, end: 9 },
        { name: 'long', start: 2, end: 9 },
      ],
    });
    expect(segments(trace)).toEqual(['root 0-2', 'long 2-9', 'root 9-10']);
  });

  it('is empty for a trace of one zero-length span', () => {
    const { trace } = timedTrace({ name: 'instant', start: 1, end: 1 });
    expect(criticalPath(trace)).toEqual({ segments: [], spans: [], durationNano: 0n });
  });

  it('leaves time when no root ran off the path of a trace with several roots', () => {
    const first = spanRecord({ name: 'first', start: at(0), end: at(10) });
    const second = spanRecord({ name: 'second', start: at(20), end: at(30) });
    const trace = Trace.of([first, second]);
    expect(segments(trace)).toEqual(['first 0-10', 'second 20-30']);
    expect(criticalPath(trace).durationNano).toBe(ms(20));
    expect(trace.durationNano).toBe(ms(30));
  });
});
