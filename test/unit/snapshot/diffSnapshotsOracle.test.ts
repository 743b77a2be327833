import fc from 'fast-check';
import { normalizeTraces, type Span, TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { pairSnapshots, type SnapshotPairing } from '../../../src/snapshot/diffSnapshots.ts';
import type { SnapshotSpan } from '../../../src/snapshot/TraceSnapshot.ts';
import { scanningPairing } from '../../support/scanningPairing.ts';
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

// Spans by their number in the snapshot ('a' for before, 'b' for after), so that a failure reads as a list.
const refs = (pairing: SnapshotPairing) => {
  const pairs = (list: SnapshotPairing['pairs']) => list.map(([x, y]) => `${x.ref}->${y.ref}`);
  const each = (list: readonly SnapshotSpan[]) => list.map((span) => span.ref);
  return {
    pairs: pairs(pairing.pairs),
    moved: pairs(pairing.moved),
    gone: each(pairing.gone),
    come: each(pairing.come),
  };
};

describe('the shape diff pairs spans in linear time as the plain, scanning rules do', () => {
  test('on random pairs of forests with colliding labels and details', () => {
    fc.assert(
      fc.property(forest, forest, (before, after) => {
        const a = shapeOf(before, 'a');
        const b = shapeOf(after, 'b');
        expect(refs(pairSnapshots(a, b))).toEqual(refs(scanningPairing(a, b)));
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
        expect(refs(pairSnapshots(a, b))).toEqual(refs(scanningPairing(a, b)));
      }),
      { numRuns: 400 },
    );
  });
});
