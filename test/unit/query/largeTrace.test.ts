import { find, findOne, type Span, Trace } from 'tracespec';
import { describe, expect, it } from 'vitest';
import { makeSpan } from '../../support/spanBuilder.ts';

function chain(size: number): Trace {
  const spans: Span[] = [];
  for (let i = 0; i < size; i++) {
    const parent = spans[i - 1];
    spans.push(
      makeSpan({
        traceId: 'd'.repeat(32),
        name: `n${i % 10}`,
        service: i % 2 === 0 ? 'even' : 'odd',
        start: i,
        end: i + 1,
        ...(parent ? { parent } : {}),
      }),
    );
  }
  return Trace.of(spans);
}

describe('a 100k-span trace', () => {
  // A chain is the worst case for recursive evaluators (deep ancestry); this one must not overflow the stack.
  const trace = chain(100_000);

  it('evaluates descendant, child, sibling and :has chains without recursion', () => {
    expect(find(trace, 'n1 n2 n3')).toHaveLength(10_000);
    expect(find(trace, '[service=even] > [service=odd]')).toHaveLength(50_000);
    expect(find(trace, 'n0 ~ *')).toHaveLength(0);
    expect(find(trace, '*:has(n9:leaf)')).toHaveLength(99_999);
    expect(findOne(trace, ':leaf').name).toBe('n9');
    expect(findOne(trace, ':root:has(> n1 > n2)').name).toBe('n0');
  });
});
