import fc from 'fast-check';
import { childGaps, criticalPath, type Span, selfTime, Trace } from 'tracespec';
import { describe, expect, it } from 'vitest';
import { spanRecord } from '../../support/spanRecord.ts';

/**
 * Random trees: node i hangs under a random earlier node (or is a root). Times are random and not forced inside
 * the parent, so children may stick out (clock skew) or lie entirely outside it; some spans have zero length.
 */
const randomTrace = fc
  .array(
    fc.record({
      parent: fc.nat(),
      isRoot: fc.nat({ max: 9 }).map((n) => n === 0),
      start: fc.bigInt({ min: 0n, max: 1_000n }),
      length: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 400n })),
    }),
    { minLength: 1, maxLength: 30 },
  )
  .map((nodes) => {
    const spans: Span[] = [];
    for (const [i, node] of nodes.entries()) {
      const parent = i === 0 || node.isRoot ? undefined : spans[node.parent % i];
      spans.push(
        spanRecord({
          name: `s${i}`,
          start: node.start,
          end: node.start + node.length,
          ...(parent ? { parent } : {}),
        }),
      );
    }
    return Trace.of(spans);
  });

describe('timing properties on random trees', () => {
  it('the critical path never exceeds the trace duration; its segments are ordered, disjoint and inside their span (any tolerance)', () => {
    fc.assert(
      fc.property(randomTrace, fc.nat({ max: 500 }), (trace, toleranceNanos) => {
        const path = criticalPath(trace, { tolerance: toleranceNanos / 1e6 });
        expect(path.durationNano).toBeLessThanOrEqual(trace.durationNano);
        let previousEnd = trace.startTimeUnixNano;
        for (const segment of path.segments) {
          expect(segment.startTimeUnixNano).toBeGreaterThanOrEqual(previousEnd);
          expect(segment.endTimeUnixNano).toBeGreaterThan(segment.startTimeUnixNano);
          expect(segment.startTimeUnixNano).toBeGreaterThanOrEqual(segment.span.startTimeUnixNano);
          expect(segment.endTimeUnixNano).toBeLessThanOrEqual(segment.span.endTimeUnixNano);
          previousEnd = segment.endTimeUnixNano;
        }
        // Every span on the path is a top or the child of a span on the path.
        const onPath = new Set(path.spans);
        for (const span of path.spans) {
          const parent = trace.parent(span);
          if (parent) expect(onPath.has(parent)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('with a single root, the critical path covers the root exactly when children stay inside', () => {
    const nested = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 25 }).map((nodes) => {
      const root = spanRecord({ name: 'root', start: 0n, end: 1_000n });
      const spans = [root];
      for (const [i, [pick, a, b]] of nodes.entries()) {
        const parent = spans[pick % spans.length] as Span;
        const length = parent.durationNano;
        const from = parent.startTimeUnixNano + (length === 0n ? 0n : BigInt(a) % length);
        const to = from + (length === 0n ? 0n : BigInt(b) % (parent.endTimeUnixNano - from + 1n));
        spans.push(spanRecord({ name: `s${i}`, start: from, end: to, parent }));
      }
      return Trace.of(spans);
    });
    fc.assert(
      fc.property(nested, (trace) => {
        expect(criticalPath(trace).durationNano).toBe(1_000n);
      }),
      { numRuns: 300 },
    );
  });

  it('self time is never negative, never exceeds the duration, and equals the sum of the gaps', () => {
    fc.assert(
      fc.property(randomTrace, (trace) => {
        for (const span of trace.spans) {
          const self = selfTime(trace, span);
          expect(self).toBeGreaterThanOrEqual(0n);
          expect(self).toBeLessThanOrEqual(span.durationNano);
          const gaps = childGaps(trace, span).reduce((sum, gap) => sum + gap.durationNano, 0n);
          expect(gaps).toBe(self);
        }
      }),
      { numRuns: 500 },
    );
  });
});
