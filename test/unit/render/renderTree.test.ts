import fc from 'fast-check';
import { renderTree, type Span, Trace } from 'tracespec';
import { describe, expect, it } from 'vitest';
import { traceArbitrary } from '../../support/arbitraries.ts';
import { plainTree } from '../../support/plainTree.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

describe('renderTree', () => {
  it('prints what a plain walk over every span prints, whatever the marks and the line budget', () => {
    let cut = 0;
    fc.assert(
      fc.property(
        traceArbitrary(30),
        traceArbitrary(5),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.integer({ min: 0, max: 10 }),
        (trace, other, picks, maxLines) => {
          // Marks on spans of this trace, and one on a span of another trace (renderTraces passes one map to all).
          const marks = new Map<Span, string>(
            picks.map((pick, i) => [trace.spans[pick % trace.size] as Span, `◀ ${i}`]),
          );
          marks.set(other.spans[0] as Span, '◀ elsewhere');
          const text = renderTree(trace, { marks, maxLines });
          expect(text).toBe(plainTree(trace, marks, maxLines));
          if (text.includes('not shown') && picks.length > 0) cut++;
        },
      ),
      { numRuns: 500 },
    );
    // Guard against a vacuous property: many runs must cut the tree while marked spans are still to print.
    expect(cut).toBeGreaterThan(100);
  });

  it('renders a trace 20,000 spans deep, with a mark at the bottom (no recursion to overflow the stack)', () => {
    const spans: Span[] = [];
    for (let i = 0; i < 20_000; i++) {
      spans.push(
        makeSpan({ name: `level ${i}`, start: i, end: 40_000 - i, ...(i > 0 ? { parent: spans[i - 1]?.spanId } : {}) }),
      );
    }
    const trace = Trace.of(spans);
    const text = renderTree(trace, { marks: new Map([[spans[19_999] as Span, '◀ the deepest']]), maxLines: 3 });
    const lines = text.split('\n');
    expect(lines).toHaveLength(1 + 3 + 1 + 1);
    expect(lines[4]).toMatch(/^ {2}( {3}){19998}└─ .*"level 19999".*◀ the deepest$/);
    expect(lines[5]).toBe('  … 19996 more spans not shown');
  });
});
