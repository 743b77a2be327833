import fc from 'fast-check';
import { normalizeTraces, type Span, TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { diffSnapshots } from '../../../src/snapshot/diffSnapshots.ts';
import { quadraticDiffSnapshots } from '../../support/quadraticDiffSnapshots.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

// A forest drawn from few names, services and values, so that labels and details collide as they do in real traces
// (many "GET" spans of one service, some with other attributes): each span is [parent index or -1, name, service,
// status code attribute].
const forest = fc.array(
  fc.tuple(
    fc.nat(40),
    fc.constantFrom('GET', 'POST', 'query'),
    fc.constantFrom('shop', 'stock'),
    fc.constantFrom(200, 500),
  ),
  { maxLength: 40 },
);

function shapeOf(rows: readonly (readonly [number, string, string, number])[], trace: string) {
  const spans: Span[] = [];
  for (const [i, [parent, name, service, status]] of rows.entries()) {
    // A parent comes before its child (index below the child's); the rest are tops.
    const up = i > 0 && parent % (i + 1) < i ? spans[parent % (i + 1)] : undefined;
    spans.push(
      makeSpan({
        traceId: trace.repeat(32),
        ...(up ? { parent: up } : {}),
        name,
        service,
        attributes: { 'http.response.status_code': status },
      }),
    );
  }
  return normalizeTraces(TraceSet.fromSpans(spans));
}

describe('the shape diff is linear and agrees with the first, quadratic one', () => {
  test('on random pairs of forests with colliding labels and details', () => {
    fc.assert(
      fc.property(forest, forest, (before, after) => {
        const a = shapeOf(before, 'a');
        const b = shapeOf(after, 'b');
        expect(diffSnapshots(a, b)).toEqual(quadraticDiffSnapshots(a, b));
      }),
      { numRuns: 400 },
    );
  });

  test('on a tree and the same tree with spans moved, renamed and dropped', () => {
    fc.assert(
      fc.property(forest, fc.array(fc.tuple(fc.nat(40), fc.nat(40)), { maxLength: 6 }), (rows, edits) => {
        const changed = rows.map((row) => [...row] as [number, string, string, number]);
        for (const [at, to] of edits) {
          const row = changed[at % Math.max(1, changed.length)];
          if (!row) continue;
          if (to % 3 === 0)
            row[0] = to; // moved under another parent
          else if (to % 3 === 1)
            row[1] = row[1] === 'GET' ? 'POST' : 'GET'; // renamed
          else row[3] = row[3] === 200 ? 500 : 200; // changed detail
        }
        const a = shapeOf(rows, 'c');
        const b = shapeOf(changed.slice(0, Math.max(0, changed.length - (edits.length % 3))), 'd');
        expect(diffSnapshots(a, b)).toEqual(quadraticDiffSnapshots(a, b));
      }),
      { numRuns: 400 },
    );
  });
});
