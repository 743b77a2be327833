import { isConnected, TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { hasStatus } from '../../../src/check/span/hasStatus.ts';
import { isParallel } from '../../../src/check/timing/isParallel.ts';
import { hasPropagation } from '../../../src/check/trace/hasPropagation.ts';
import { hasServiceGraph } from '../../../src/check/trace/hasServiceGraph.ts';
import { hasSpan } from '../../../src/check/trace/hasSpan.ts';
import { hasSpanTree } from '../../../src/check/trace/hasSpanTree.ts';
import { knownSpans } from '../../support/knownTrace.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

const traces = TraceSet.fromSpans(knownSpans());
const nameOf = (spanId: string) => knownSpans().find((span) => span.spanId === spanId)?.name;
const named = (marks: readonly { spanId: string; note: string }[] | undefined) =>
  marks?.map((mark) => [nameOf(mark.spanId), mark.note]);

describe('a failed check names the spans and hops its message marks', () => {
  test('toHaveSpan: the closest candidates, as the tree in the message marks them', () => {
    const result = hasSpan(traces, { name: 'charge card', status: 'ok' });
    expect(result.pass).toBe(false);
    expect(named(result.marks?.().spans)).toEqual([['charge card', 'closest 1']]);
    expect(result.message()).toContain('charge card" 30ms error: "card declined"  ◀ closest 1');
    // A selector: its matches, or its nearest spans.
    const selected = hasSpan(traces, '[service=payments][kind=server]', { times: 2 });
    expect(named(selected.marks?.().spans)).toEqual([['POST /charge', 'match 1']]);
  });

  test('toBeConnected: the span that lost the context, its caller, and the hop', () => {
    const marks = isConnected(traces).marks?.();
    expect(named(marks?.spans)).toEqual([
      ['GET /stock/:sku', '1: context lost here'],
      ['GET', '1: caller'],
    ]);
    // The few words of the diagnosed cause: no tap on this link, so it can only be inferred.
    expect(marks?.hops).toEqual([{ from: 'orders', to: 'inventory', note: 'not continued (inferred)' }]);
    // A lost callee whose caller cannot be found: the hop has no `from`.
    const alone = TraceSet.fromSpans([
      makeSpan({ name: 'a' }),
      makeSpan({ traceId: 'b'.repeat(32), service: 'x', start: 100 }),
    ]);
    expect(isConnected(alone).marks?.().hops).toEqual([{ to: 'x', note: 'caller unknown' }]);
  });

  test('toPropagate and toHaveServiceGraph: the hop in question', () => {
    expect(hasPropagation(traces, { from: 'orders', to: 'inventory' }).marks?.().hops).toEqual([
      { from: 'orders', to: 'inventory', note: 'not continued (inferred)' },
    ]);
    const passed = hasPropagation(traces, { from: 'gateway', to: 'orders' });
    expect(passed.pass).toBe(true);
    expect(named(passed.marks?.().spans)).toEqual([
      ['GET', 'caller'],
      ['GET /orders/new', 'callee'],
    ]);
    const graph = hasServiceGraph(traces, ['orders -> inventory', { from: 'gateway', to: 'orders', calls: 2 }], {
      exact: true,
    });
    expect(graph.marks?.().hops).toEqual([
      { from: 'orders', to: 'inventory', note: 'not continued (inferred)' },
      { from: 'gateway', to: 'orders', note: 'expected 2 calls, got 1' },
      { from: 'gateway', to: 'payments', note: 'unexpected' },
      { from: 'shop', to: 'gateway', note: 'unexpected' },
    ]);
  });

  test('toHaveSpanTree, span checks and timing checks mark what they looked at', () => {
    const tree = hasSpanTree(traces, { service: 'payments', children: [{ name: 'refund' }] });
    expect(named(tree.marks?.().spans)).toEqual([
      ['POST /charge', '{ service: "payments" }'],
      ['charge card', 'candidate 1'],
    ]);
    const charge = traces.spans.find((span) => span.name === 'charge card');
    if (charge === undefined) throw new Error('no charge span');
    expect(named(hasStatus(charge, 'ok').marks?.().spans)).toEqual([['charge card', 'this span']]);
    const calls = traces.spans.filter((span) => span.kind === 'client' && span.service === 'gateway');
    expect(named(isParallel(calls).marks?.().spans)).toEqual([
      ['GET', '1'],
      ['POST', '2'],
    ]);
  });
});
