import fc from 'fast-check';
import { normalizeTraces, renderSnapshot, type Span, TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { makeSpan } from '../../support/spanBuilder.ts';

/** A tree shape: node i's parent is an earlier node (or none), with a name and an attribute from small sets. */
const treeArbitrary = fc.array(
  fc.record({
    parent: fc.option(fc.nat(), { nil: undefined }),
    name: fc.constantFrom('GET', 'POST', 'SELECT'),
    kind: fc.constantFrom('client', 'server', 'internal') as fc.Arbitrary<'client' | 'server' | 'internal'>,
    status: fc.integer({ min: 200, max: 201 }),
  }),
  { minLength: 1, maxLength: 14 },
);

type Tree = readonly {
  parent?: number | undefined;
  name: string;
  kind: 'client' | 'server' | 'internal';
  status: number;
}[];

/** The spans of a tree, with ids, times and arrival order drawn from the given seeds. */
function spansOf(tree: Tree, idSalt: number, times: readonly number[], order: readonly number[]): Span[] {
  const id = (i: number) => ((i + 1) * 7919 + idSalt * 104729).toString(16).padStart(16, '0');
  const spans = tree.map((node, i) => {
    const parent = node.parent === undefined || i === 0 ? undefined : id(node.parent % i);
    const start = times[i % times.length] ?? 0;
    return makeSpan({
      traceId: (idSalt + 1).toString(16).padStart(32, '0'),
      spanId: id(i),
      ...(parent === undefined ? {} : { parent }),
      name: node.name,
      kind: node.kind,
      start,
      end: start + 1 + (times[(i + 1) % times.length] ?? 0),
      attributes: { 'http.response.status_code': node.status, 'server.port': 40000 + idSalt },
    });
  });
  // Arrival order: by a drawn key per span, then by position.
  const key = (i: number) => order[i % Math.max(order.length, 1)] ?? 0;
  return spans
    .map((span, i) => ({ span, i }))
    .sort((x, y) => key(x.i) - key(y.i) || x.i - y.i)
    .map(({ span }) => span);
}

describe('the shape depends on the tree only', () => {
  test('not on ids, start and end times, ports, or the order spans arrive in', () => {
    fc.assert(
      fc.property(
        treeArbitrary,
        fc.tuple(fc.nat(1000), fc.array(fc.nat(50), { minLength: 1 }), fc.array(fc.nat(20))),
        fc.tuple(fc.nat(1000), fc.array(fc.nat(50), { minLength: 1 }), fc.array(fc.nat(20))),
        (tree, [saltA, timesA, orderA], [saltB, timesB, orderB]) => {
          const a = renderSnapshot(normalizeTraces(TraceSet.fromSpans(spansOf(tree, saltA, timesA, orderA))));
          const b = renderSnapshot(normalizeTraces(TraceSet.fromSpans(spansOf(tree, saltB, timesB, orderB))));
          expect(b).toBe(a);
        },
      ),
      { numRuns: 300 },
    );
  });
});
