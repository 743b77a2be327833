import { renderTree, Trace } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { makeSpan } from '../../support/spanBuilder.ts';

describe('Trace with a parent cycle', () => {
  test('the span that breaks the cycle is a top and no longer its former parent child, so walks end', () => {
    const a = makeSpan({ spanId: 'c'.repeat(16), parent: 'd'.repeat(16), name: 'a' });
    const b = makeSpan({ spanId: 'd'.repeat(16), parent: 'c'.repeat(16), name: 'b' });
    const trace = Trace.of([a, b]);
    const [top] = trace.tops;
    expect(trace.tops).toHaveLength(1);
    expect(top && trace.children(top).map((span) => span.name)).toEqual([top?.name === 'a' ? 'b' : 'a']);
    expect(renderTree(trace).split('\n')).toHaveLength(3);
  });
});
