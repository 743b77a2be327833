import fc from 'fast-check';
import { type Span, Trace, TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { traceArbitrary } from '../../support/arbitraries.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

describe('Trace', () => {
  test('builds the tree: roots, children by start time then name, lookups', () => {
    const root = makeSpan({ spanId: 'r'.padStart(16, '0'), name: 'root', start: 0, end: 10 });
    const b = makeSpan({ parent: root, name: 'b', start: 2, end: 3 });
    const a = makeSpan({ parent: root, name: 'a', start: 2, end: 4 });
    const first = makeSpan({ parent: root, name: 'z-first', start: 1, end: 2 });
    const grandchild = makeSpan({ parent: a, name: 'leaf', start: 2.5, end: 3 });
    const trace = Trace.of([grandchild, b, a, root, first]);
    expect(trace.root).toBe(root);
    expect(trace.spans.map((span) => span.name)).toEqual(['root', 'z-first', 'a', 'leaf', 'b']);
    expect(trace.children(root).map((span) => span.name)).toEqual(['z-first', 'a', 'b']);
    expect(trace.parent(grandchild)).toBe(a);
    expect(trace.ancestors(grandchild)).toEqual([a, root]);
    expect(trace.descendants(root)).toHaveLength(4);
    expect(trace.descendants(a)).toEqual([grandchild]);
    expect(trace.depth(grandchild)).toBe(2);
    expect(trace.get(a.spanId)).toBe(a);
    expect(trace.has(grandchild)).toBe(true);
    expect(trace.has({ ...grandchild })).toBe(false);
    expect(trace.durationNano).toBe(10_000_000n);
  });

  test('arrival order does not change the tree', () => {
    const root = makeSpan({ name: 'root', start: 0, end: 5 });
    const children = [1, 2, 3].map((i) => makeSpan({ parent: root, name: `c${i}`, start: i, end: i + 1 }));
    const inOrder = Trace.of([root, ...children]).spans.map((span) => span.spanId);
    const reversed = Trace.of([...children].reverse().concat(root)).spans.map((span) => span.spanId);
    expect(reversed).toEqual(inOrder);
  });

  test('orphans (parent id absent) are kept at the top and listed', () => {
    const root = makeSpan({ name: 'root', start: 0, end: 5 });
    const orphan = makeSpan({ traceId: root.traceId, parent: 'f'.repeat(16), name: 'lost', start: 1, end: 2 });
    const trace = Trace.of([root, orphan]);
    expect(trace.orphans).toEqual([orphan]);
    expect(trace.roots).toEqual([root]);
    expect(trace.tops).toEqual([root, orphan]);
    expect(trace.root).toBeUndefined();
  });

  test('several roots are all visible and there is no single root', () => {
    const one = makeSpan({ name: 'one', start: 0, end: 1 });
    const two = makeSpan({ traceId: one.traceId, name: 'two', start: 2, end: 3 });
    const trace = Trace.of([two, one]);
    expect(trace.roots).toEqual([one, two]);
    expect(trace.root).toBeUndefined();
  });

  test('duplicate span ids are kept and listed, never merged', () => {
    const root = makeSpan({ name: 'root', start: 0, end: 5 });
    const child = makeSpan({ parent: root, spanId: 'd'.repeat(16), name: 'child', start: 1, end: 2 });
    const dup = makeSpan({ parent: root, spanId: 'd'.repeat(16), name: 'child again', start: 3, end: 4 });
    const trace = Trace.of([root, child, dup]);
    expect(trace.size).toBe(3);
    expect(trace.duplicates).toEqual([dup]);
    expect(trace.get(child.spanId)).toBe(child);
    expect(trace.children(root)).toEqual([child, dup]);
  });

  test('a parent cycle keeps every span visible', () => {
    const a = makeSpan({ spanId: 'a'.repeat(16), parent: 'b'.repeat(16), name: 'a' });
    const b = makeSpan({ spanId: 'b'.repeat(16), parent: 'a'.repeat(16), name: 'b' });
    const trace = Trace.of([a, b]);
    expect(trace.size).toBe(2);
    expect(trace.tops.length).toBeGreaterThan(0);
  });

  test('descendants and descendantCount agree with a walk over children, for every span of random trees', () => {
    const below = (trace: Trace, span: Span): Span[] =>
      trace.children(span).flatMap((child) => [child, ...below(trace, child)]);
    fc.assert(
      fc.property(traceArbitrary(30), (trace) => {
        for (const span of trace.spans) {
          expect(trace.descendants(span)).toEqual(below(trace, span));
          expect(trace.descendantCount(span)).toBe(below(trace, span).length);
        }
      }),
      { numRuns: 300 },
    );
    const stranger = makeSpan({ name: 'not in the trace' });
    const trace = Trace.of([makeSpan({ name: 'only' })]);
    expect(trace.descendants(stranger)).toEqual([]);
    expect(trace.descendantCount(stranger)).toBe(0);
  });

  test('Trace.of refuses spans of two traces with a clear error', () => {
    const one = makeSpan({ traceId: '1'.repeat(32) });
    const two = makeSpan({ traceId: '2'.repeat(32) });
    expect(() => Trace.of([one, two])).toThrow(/two traces .* use Trace.build\(\)/);
    expect(() => Trace.of([])).toThrow(/at least one span/);
  });
});

describe('TraceSet', () => {
  test('groups by trace id, ordered by start time', () => {
    const late = makeSpan({ traceId: '1'.repeat(32), name: 'late', start: 10, end: 11 });
    const early = makeSpan({ traceId: '2'.repeat(32), name: 'early', start: 0, end: 1 });
    const set = TraceSet.fromSpans([late, early]);
    expect(set.traces.map((trace) => trace.root?.name)).toEqual(['early', 'late']);
    expect(set.get('1'.repeat(32))?.root).toBe(late);
    expect(set.spans).toEqual([early, late]);
    expect(set.traceOf(late)?.traceId).toBe('1'.repeat(32));
  });

  test('only() names what it found when there is not exactly one trace', () => {
    expect(() => TraceSet.fromSpans([]).only()).toThrow(/no span was recorded/);
    const set = TraceSet.fromSpans([makeSpan({ traceId: '1'.repeat(32) }), makeSpan({ traceId: '2'.repeat(32) })]);
    expect(() => set.only()).toThrow(/found 2:\n {2}1{32} \(1 spans/);
  });
});
