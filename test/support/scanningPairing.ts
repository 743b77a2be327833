// The pairing rules of the shape diff, written as plainly as possible (scans and removals, quadratic): the oracle
// that src/snapshot/diffSnapshots.ts's linear pairing must agree with.
import type { SnapshotPairing } from '../../src/snapshot/diffSnapshots.ts';
import { spanDetail } from '../../src/snapshot/spanChanges.ts';
import type { SnapshotSpan, TraceSnapshot } from '../../src/snapshot/TraceSnapshot.ts';

type Pair = readonly [SnapshotSpan, SnapshotSpan];

const label = (span: SnapshotSpan) => `${span.service} ${span.kind} ${JSON.stringify(span.name)}`;
const same = (a: SnapshotSpan, b: SnapshotSpan, withDetail: boolean) =>
  label(a) === label(b) && (!withDetail || spanDetail(a) === spanDetail(b));
const below = (span: SnapshotSpan): SnapshotSpan[] => [span, ...span.children.flatMap(below)];

export function scanningPairing(before: TraceSnapshot, after: TraceSnapshot): SnapshotPairing {
  const parentOf = new Map<SnapshotSpan, SnapshotSpan | undefined>();
  for (const shape of [before, after]) {
    const visit = (span: SnapshotSpan, parent: SnapshotSpan | undefined) => {
      parentOf.set(span, parent);
      for (const child of span.children) visit(child, span);
    };
    for (const trace of shape.traces) for (const top of trace.tops) visit(top, undefined);
  }
  const partner = new Map<SnapshotSpan, SnapshotSpan>();
  const pairs: Pair[] = [];
  const leftA: SnapshotSpan[] = [];
  const leftB: SnapshotSpan[] = [];
  // Level by level from the tops: equal spans first, then spans with the same label, each the first in order.
  const levels: [SnapshotSpan[], SnapshotSpan[]][] = [
    [before.traces.flatMap((trace) => [...trace.tops]), after.traces.flatMap((trace) => [...trace.tops])],
  ];
  while (levels.length > 0) {
    const [a, b] = levels.shift() as [SnapshotSpan[], SnapshotSpan[]];
    const found: Pair[] = [];
    for (const withDetail of [true, false]) {
      for (const x of [...a]) {
        const y = b.find((candidate) => same(x, candidate, withDetail));
        if (!y) continue;
        found.push([x, y]);
        a.splice(a.indexOf(x), 1);
        b.splice(b.indexOf(y), 1);
      }
    }
    leftA.push(...a.flatMap(below));
    leftB.push(...b.flatMap(below));
    for (const [x, y] of found) {
      partner.set(x, y);
      pairs.push([x, y]);
      levels.push([[...x.children], [...y.children]]);
    }
  }
  // The rest: under the partner of the parent (same detail first), else anywhere (same detail first).
  const moved: Pair[] = [];
  for (const x of leftA) {
    const parent = parentOf.get(x);
    const home = parent === undefined ? [] : leftB.filter((y) => partner.get(parent) === parentOf.get(y));
    const candidates = [
      ...home.filter((y) => same(x, y, true)),
      ...home.filter((y) => same(x, y, false)),
      ...leftB.filter((y) => same(x, y, true)),
      ...leftB.filter((y) => same(x, y, false)),
    ];
    const y = candidates[0];
    if (!y) continue;
    leftB.splice(leftB.indexOf(y), 1);
    partner.set(x, y);
    (home.includes(y) ? pairs : moved).push([x, y]);
  }
  return { pairs, moved, gone: leftA.filter((x) => !partner.has(x)), come: leftB };
}
