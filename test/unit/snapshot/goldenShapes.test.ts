import { createHash } from 'node:crypto';
import { type Span, Trace, TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { seededRandom } from '../../../scripts/seededRandom.ts';
import { normalizeTraces } from '../../../src/snapshot/normalizeTraces.ts';
import { renderSnapshot } from '../../../src/snapshot/renderSnapshot.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

// Stored snapshots must not change when tracespec changes how it orders siblings: users would see every snapshot
// with equal-looking siblings fail after an upgrade. The shapes of 400 seeded random forests (repeated names,
// orphans, several roots, siblings that print alike and differ below) were printed by the string-keyed
// canonization of 2026-12-02; any implementation must print the same bytes. The forests come from the repository's
// own seeded generator (no library's random sequence, which may change with its version).
const GOLDEN = '72ff3a12b0eecac548d8e7492474ef24035cbb1352df24c93b04e0bb3f576449';

function forest(next: () => number, index: number): Trace[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const traces: Trace[] = [];
  const count = 1 + Math.floor(next() * 3);
  for (let t = 0; t < count; t++) {
    // Half of the trees print alike (two names, nothing else), so that siblings tie on their own text.
    const lookalike = next() < 0.5;
    const size = 1 + Math.floor(next() * 25);
    const traceId = `${index.toString(16).padStart(28, '0')}${t.toString(16).padStart(4, '0')}`;
    const spans: Span[] = [];
    for (let i = 0; i < size; i++) {
      const roll = next();
      const parent = i === 0 || roll < 0.1 ? undefined : roll < 0.15 ? 'ffffffffffffffff' : pick(spans).spanId;
      const attributes: Record<string, string | number> = {};
      if (!lookalike && next() < 0.5) attributes.x = Math.floor(next() * 4);
      if (!lookalike && next() < 0.3) attributes.y = pick(['p', 'q']);
      spans.push(
        makeSpan({
          traceId,
          spanId: `${(i + 1).toString(16).padStart(16, '0')}`,
          name: lookalike ? pick(['a', 'b']) : pick(['a', 'b', 'c', 'GET /x']),
          service: lookalike ? 's' : pick(['s1', 's2']),
          kind: lookalike ? 'internal' : pick(['server', 'client', 'internal'] as const),
          status: { code: !lookalike && next() < 0.2 ? 'error' : 'unset' },
          start: Math.floor(next() * 6),
          attributes,
          ...(parent === undefined ? {} : { parent }),
        }),
      );
    }
    traces.push(Trace.of(spans));
  }
  return traces;
}

describe('trace shapes across versions', () => {
  test('400 seeded random forests print exactly what they printed before', () => {
    const next = seededRandom(20_261_202);
    const hash = createHash('sha256');
    for (let i = 0; i < 400; i++) hash.update(`${renderSnapshot(normalizeTraces(new TraceSet(forest(next, i))))}\n\n`);
    expect(hash.digest('hex')).toBe(GOLDEN);
  });
});
