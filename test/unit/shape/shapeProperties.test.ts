import fc from 'fast-check';
import { hasSpanTree, type SpanShape, type Trace, TraceSet, type TreeShapeOptions } from 'tracespec';
import { describe, expect, it } from 'vitest';
import { traceArbitrary } from '../../support/arbitraries.ts';
import { naiveHasSpanTree } from '../../support/naiveShape.ts';

const shapeArbitrary: fc.Arbitrary<SpanShape> = fc.letrec<{ node: SpanShape }>((tie) => ({
  node: fc
    .record(
      {
        name: fc.constantFrom<SpanShape['name']>('a', 'b', 'c', /a|b/, /./),
        kind: fc.constantFrom<SpanShape['kind']>('server', 'client'),
        selector: fc.constantFrom(':leaf', '[x]', ':not(:error)', '*', 's1 *'),
        children: fc.array(tie('node'), { maxLength: 3, depthIdentifier: 'shape', size: '-1' }),
        descendants: fc.array(tie('node'), { maxLength: 2, depthIdentifier: 'shape', size: '-1' }),
      },
      { requiredKeys: [] },
    )
    .map((shape) => shape as SpanShape),
})).node;

const optionsArbitrary: fc.Arbitrary<TreeShapeOptions> = fc.record({
  mode: fc.constantFrom('subset' as const, 'exact' as const),
  order: fc.constantFrom('any' as const, 'ordered' as const),
});

/** A shape that the subtree under `span` satisfies by construction: some children kept, shuffled or not. */
function shapeOf(trace: Trace, at: number, keep: (n: number) => boolean, full: boolean): SpanShape {
  const span = trace.spans[at];
  if (span === undefined) return {};
  const kids = trace.children(span).filter((_, i) => full || keep(at * 31 + i));
  return {
    name: span.name,
    children: kids.map((kid) => shapeOf(trace, trace.indexOf(kid), keep, full)),
  };
}

describe('tree shape properties', () => {
  it('agrees with a brute-force search on random traces, shapes and options', () => {
    let passes = 0;
    fc.assert(
      fc.property(traceArbitrary(10), shapeArbitrary, optionsArbitrary, (trace, shape, options) => {
        const expected = naiveHasSpanTree([trace], shape, options);
        expect(hasSpanTree(new TraceSet([trace]), shape, options).pass).toBe(expected);
        if (expected) passes++;
      }),
      { numRuns: 1500 },
    );
    // Guard against a vacuous property: a fair share of the random shapes must match.
    expect(passes).toBeGreaterThan(100);
  });

  it('a shape cut from the trace itself always matches (subset), and the whole tree matches exactly', () => {
    fc.assert(
      fc.property(traceArbitrary(20), fc.nat(), fc.func(fc.boolean()), (trace, pick, keep) => {
        const set = new TraceSet([trace]);
        const partial = shapeOf(trace, pick % trace.size, (n) => keep(n), false);
        expect(hasSpanTree(set, partial).pass).toBe(true);
        expect(hasSpanTree(set, partial, { order: 'ordered' }).pass).toBe(true);
        const top = trace.indexOf(trace.tops[0] as never);
        const whole = shapeOf(trace, top, () => true, true);
        expect(hasSpanTree(set, whole, { mode: 'exact', order: 'ordered' }).pass).toBe(true);
        expect(
          hasSpanTree(set, { ...whole, children: [...(whole.children ?? [])].reverse() }, { mode: 'exact' }).pass,
        ).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
