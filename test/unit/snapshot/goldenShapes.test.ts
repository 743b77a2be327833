import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { type Span, Trace, TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { normalizeTraces } from '../../../src/snapshot/normalizeTraces.ts';
import { renderSnapshot } from '../../../src/snapshot/renderSnapshot.ts';
import { traceArbitrary } from '../../support/arbitraries.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

// Stored snapshots must not change when tracespec changes how it orders siblings: users would see every snapshot
// with equal-looking siblings fail after an upgrade. The shapes of 400 seeded random forests (repeated names,
// orphans, several roots, subtrees that differ deep down) were printed by the string-keyed canonization of
// 2026-12-02; any implementation must print the same bytes.
const GOLDEN = '6db58fc2039866d6be274334ffdc40fa52737805223ffbab90aef631bf3443a6';

/** Trees of spans that print alike (two names, nothing else): siblings tie on their own text and differ below. */
const lookalikeTree = fc
  .array(fc.record({ name: fc.constantFrom('a', 'b'), parent: fc.nat() }), { minLength: 1, maxLength: 30 })
  .map((shapes) => {
    const spans: Span[] = [];
    for (const [i, shape] of shapes.entries()) {
      const parent = i === 0 ? undefined : (spans[shape.parent % i] as Span).spanId;
      spans.push(makeSpan({ traceId: 'c'.repeat(32), name: shape.name, ...(parent ? { parent } : {}) }));
    }
    return Trace.of(spans);
  });

describe('trace shapes across versions', () => {
  test('400 seeded random forests print exactly what they printed before', () => {
    const forests = fc.sample(fc.array(fc.oneof(traceArbitrary(25), lookalikeTree), { minLength: 1, maxLength: 3 }), {
      seed: 20_261_202,
      numRuns: 400,
    });
    const hash = createHash('sha256');
    for (const forest of forests) hash.update(`${renderSnapshot(normalizeTraces(new TraceSet(forest)))}\n\n`);
    expect(hash.digest('hex')).toBe(GOLDEN);
  });
});
