import fc from 'fast-check';
import { Trace } from 'tracespec';
import { describe, expect, it } from 'vitest';
import { nearestSpans } from '../../../src/query/nearestSpans.ts';
import { parseSelector } from '../../../src/query/parseSelector.ts';
import { selectorArbitrary, traceArbitrary } from '../../support/arbitraries.ts';
import { scoringNearest } from '../../support/scoringNearest.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

describe('nearestSpans', () => {
  it('keeps only the closest spans while scoring, and picks what scoring and sorting every span picks', () => {
    let picked = 0;
    let partial = 0;
    fc.assert(
      fc.property(
        fc.array(traceArbitrary(20), { minLength: 1, maxLength: 3 }),
        selectorArbitrary,
        fc.integer({ min: 0, max: 4 }),
        (traces, selector, limit) => {
          const expected = scoringNearest(traces, selector, limit);
          const near = nearestSpans(traces, selector, limit);
          expect(near.map((item) => item.span)).toEqual(expected);
          for (const item of near) expect(item.trace.has(item.span)).toBe(true);
          if (expected.length > 0) picked++;
          if (expected.length > 0 && near.some((item) => item.reason.startsWith('fails'))) partial++;
        },
      ),
      { numRuns: 600 },
    );
    // Guard against a vacuous property: many runs must pick spans, by scoring as well as by the subject alone.
    expect(picked).toBeGreaterThan(150);
    expect(partial).toBeGreaterThan(50);
  });

  it('describes each kept span by the conditions it fails, with the value it holds', () => {
    const trace = Trace.of([
      makeSpan({ name: 'SELECT', service: 'db', attributes: { 'db.system': 'postgresql', 'db.rows': 2 } }),
      makeSpan({ name: 'SELECT', service: 'db', attributes: { 'db.rows': 9 } }),
      makeSpan({ name: 'GET', service: 'web' }),
    ]);
    const near = nearestSpans([trace], parseSelector('SELECT[db.system=mysql][db.rows>5]'), 2);
    expect(near.map((item) => item.reason)).toEqual([
      'fails "[db.system=mysql]" (db.system is absent)',
      'fails "[db.system=mysql]" (db.system is "postgresql"), "[db.rows>5]" (db.rows is 2)',
    ]);
  });
});
