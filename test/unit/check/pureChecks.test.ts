// Checks are pure: the same call gives the same answer whatever else was built before it (there is no registry of
// the latest Trace per trace id any more), and each check reads exactly the trace it is given.
import { hasParent, isRoot, isWithinParent, matchesSelector, Trace } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { makeSpan } from '../../support/spanBuilder.ts';

const traceId = 'c'.repeat(32);
const root = makeSpan({ traceId, spanId: '00000000000000c1', name: 'root', kind: 'server', start: 0, end: 10 });
const child = makeSpan({ parent: root, spanId: '00000000000000c2', name: 'child', kind: 'client', start: 1, end: 9 });

describe('checks take the trace they read', () => {
  test('the answer does not depend on which traces were built before', () => {
    const needsTrace = () => hasParent(child, { name: 'root' });
    expect(needsTrace).toThrow(/is in none of the traces given, so its parent cannot be looked up/);
    const complete = Trace.of([root, child]);
    // Building a trace of these spans changes nothing for a call that was not given it.
    expect(needsTrace).toThrow(/is in none of the traces given/);
    expect(hasParent(child, { name: 'root' }, complete).pass).toBe(true);
    expect(hasParent(child, root).pass).toBe(true);
  });

  test('a partial and a complete trace of one id each answer for themselves, in any build order', () => {
    const complete = Trace.of([root, child]);
    const partial = Trace.of([child]);
    // Built after the complete one, the partial trace must not change what the complete one says.
    expect(hasParent(child, { name: 'root' }, complete).pass).toBe(true);
    expect(isWithinParent(child, {}, complete).pass).toBe(true);
    expect(matchesSelector(child, 'root > child', complete)).toBe(true);
    expect(hasParent(child, { name: 'root' }, partial).pass).toBe(false);
    expect(hasParent(child, { name: 'root' }, partial).message()).toContain(
      'parent: expected { name: "root" }, received "00000000000000c1 (not in the trace)"',
    );
    expect(matchesSelector(child, 'root > child', partial)).toBe(false);
    expect(isRoot(child, partial).message()).toContain('which is not in the trace (an orphan)');
    expect(() => isWithinParent(child, {}, partial)).toThrow(/has no parent in its trace \(parent 00000000000000c1/);
  });

  test('many traces built in between change nothing (the old registry kept 10k)', () => {
    const complete = Trace.of([root, child]);
    for (let i = 0; i < 10_050; i++) {
      Trace.of([makeSpan({ traceId: (i + 1).toString(16).padStart(32, '0'), name: `other ${i}` })]);
    }
    Trace.of([child]);
    expect(hasParent(child, { name: 'root' }, complete).pass).toBe(true);
    expect(matchesSelector(child, ':root > child', complete)).toBe(true);
  });
});
