import { hasSpanTree, type SpanShape, TraceSet } from 'tracespec';
import { describe, expect, it } from 'vitest';
import { buildTrace, node } from '../../support/traceBuilder.ts';

const WIDTH = 1000;
const wide = new TraceSet([
  buildTrace(
    node(
      { name: 'fan-out', kind: 'server' },
      Array.from({ length: WIDTH }, (_, i) => node({ name: `GET /item/${i}`, kind: 'client' })),
    ),
  ),
]);

// Broad nodes first: a greedy first fit gives them items 0..499, and then no span is left for the exact names.
const broad = (count: number): SpanShape[] => Array.from({ length: count }, () => ({ name: /^GET \/item\// }));
const exact = (from: number, to: number): SpanShape[] =>
  Array.from({ length: to - from }, (_, i) => ({ name: `GET /item/${from + i}` }));

describe('hasSpanTree on wide fan-outs', () => {
  it('finds the assignment a greedy first fit misses (two siblings)', () => {
    const small = new TraceSet([buildTrace(node('parent', [node('GET /a'), node('GET /b')]))]);
    expect(hasSpanTree(small, { name: 'parent', children: [{ name: /^GET/ }, { name: 'GET /a' }] }).pass).toBe(true);
  });

  it(`finds the assignment among ${WIDTH} children, quickly`, () => {
    const started = performance.now();
    const result = hasSpanTree(wide, { name: 'fan-out', children: [...broad(WIDTH / 2), ...exact(0, WIDTH / 2)] });
    const elapsed = performance.now() - started;
    expect(result.pass).toBe(true);
    // Generous bound: the point is "not quadratic in the memo-free sense"; it takes ~0.5s here (500 regex nodes x 1000 spans).
    expect(elapsed).toBeLessThan(5000);
  });

  it('fails when one node too many, naming the node and its candidates', () => {
    const result = hasSpanTree(wide, { name: 'fan-out', children: [...broad(WIDTH / 2 + 1), ...exact(0, WIDTH / 2)] });
    expect(result.pass).toBe(false);
    const message = result.message();
    // A maximum matching leaves one node out; which one is up to the matching, the report must explain it.
    expect(message).toMatch(
      /the deepest shape node that could not be matched: no span fits .* as a child of test server "fan-out"/,
    );
    expect(message).toContain('matches, but is taken by');
    expect(message.split('\n').filter((line) => line.includes('◀ candidate'))).toHaveLength(6);
  });

  it('matches exact names in any order in exact mode', () => {
    const reversed = exact(0, WIDTH).reverse();
    expect(hasSpanTree(wide, { name: 'fan-out', children: reversed }, { mode: 'exact' }).pass).toBe(true);
    expect(hasSpanTree(wide, { name: 'fan-out', children: reversed.slice(1) }, { mode: 'exact' }).pass).toBe(false);
  });
});

describe('hasSpanTree explaining a failure in a wide and deep trace', () => {
  const level = (depth: number): ReturnType<typeof node>[] =>
    depth === 0 ? [] : Array.from({ length: 10 }, () => node(`level ${depth}`, level(depth - 1)));
  const big = new TraceSet([buildTrace(node('top', level(4)))]);

  it('follows a few near misses down to the deepest unmatched node', () => {
    const started = performance.now();
    const result = hasSpanTree(big, {
      name: 'top',
      children: [
        {
          name: 'level 4',
          children: [{ name: 'level 3', children: [{ name: 'level 2', children: [{ name: 'nope' }] }] }],
        },
      ],
    });
    const message = result.message();
    expect(result.pass).toBe(false);
    expect(message).toMatch(/no span fits "nope" as a child of test internal "level 2"/);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
