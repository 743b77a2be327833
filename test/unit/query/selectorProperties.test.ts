import fc from 'fast-check';
import { find, parseSelector, printSelector } from 'tracespec';
import { describe, expect, it } from 'vitest';
import { selectorArbitrary, traceArbitrary } from '../../support/arbitraries.ts';
import { naiveFind } from '../../support/naiveSelector.ts';

describe('selector properties', () => {
  it('printing a selector and parsing it again gives the same selector', () => {
    fc.assert(
      fc.property(selectorArbitrary, (selector) => {
        const printed = printSelector(selector);
        const reparsed = parseSelector(printed);
        expect(reparsed).toEqual(selector);
        expect(printSelector(reparsed)).toBe(printed);
      }),
      { numRuns: 1000 },
    );
  });

  it('the indexed evaluator agrees with the naive reference on random trees and selectors', () => {
    let some = 0;
    let partial = 0;
    fc.assert(
      fc.property(traceArbitrary(), selectorArbitrary, (trace, selector) => {
        const expected = naiveFind(trace, selector);
        expect(find(trace, selector)).toEqual(expected);
        if (expected.length > 0) some++;
        if (expected.length > 0 && expected.length < trace.size) partial++;
      }),
      { numRuns: 1000 },
    );
    // Guard against a vacuous property: many runs must select some, but not all, spans.
    expect(some).toBeGreaterThan(200);
    expect(partial).toBeGreaterThan(150);
  });
});
