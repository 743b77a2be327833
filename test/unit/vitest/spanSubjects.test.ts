// Span matchers get the span's trace from the test's store: the trace as it is when the matcher runs, not whichever
// Trace object was built last. Spans the store does not hold are handed over with inTrace().
import { trace as api } from '@opentelemetry/api';
import { Trace } from 'tracespec';
import { startCollector } from 'tracespec/otlp';
import { inTrace, test } from 'tracespec/vitest';
import { describe, expect } from 'vitest';
import { failureOf } from '../../support/failure.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

const tracer = () => api.getTracer('span-subjects-test');

describe('the trace of a span subject', () => {
  test('is read from the test store when the matcher runs', ({ traces }) => {
    tracer().startActiveSpan('checkout', (root) => {
      tracer().startActiveSpan('charge', (charge) => {
        tracer().startSpan('INSERT payment').end();
        charge.end();
      });
      root.end();
    });
    const insert = traces.findOne('"INSERT payment"');
    expect(insert).toHaveParent({ name: 'charge' });
    expect(insert).toHaveParent('checkout > charge');
    expect(insert).toBeWithinParent();
    expect(traces.findOne('checkout')).toBeRoot();
    expect(insert).toStartAfter({ name: 'checkout' }, { tolerance: '1ms' });
    // The message draws the span in the tree the store holds.
    const message = failureOf(() => expect(insert).toHaveStatus('error'));
    expect(message).toMatch(/\n {2}└─ [^\n]*"charge"[^\n]*\n {5}└─ [^\n]*"INSERT payment"[^\n]*◀ this span/);
  });

  test('is the latest of a trace that grows: a span received later joins the tree', async () => {
    await using collector = await startCollector({ grpc: false });
    // A span whose parent arrives later, as from a service that exports after its caller.
    const traceId = '1e'.repeat(16);
    const parentId = '00000000000000e1';
    const child = makeSpan({ traceId, parent: parentId, spanId: '00000000000000e2', name: 'late child', start: 1 });
    collector.store.addAll([child]);
    expect(failureOf(() => expect(child).toBeRoot())).toContain('which is not in the trace (an orphan)');
    collector.store.addAll([makeSpan({ traceId, spanId: parentId, name: 'parent', start: 0, end: 5 })]);
    expect(child).toHaveParent({ name: 'parent' });
    expect(failureOf(() => expect(child).toBeRoot())).toContain('Received: its parent is test internal "parent"');
  });

  test('comes with inTrace for spans the store does not hold', () => {
    const root = makeSpan({ traceId: 'f'.repeat(32), name: 'root', start: 0, end: 10 });
    const leaf = makeSpan({ parent: root, name: 'leaf', start: 2, end: 4 });
    const built = Trace.of([root, leaf]);
    expect(() => expect(leaf).toHaveParent({ name: 'root' })).toThrow(/is in none of the traces given/);
    expect(inTrace(leaf, built)).toHaveParent({ name: 'root' });
    expect(inTrace(leaf, built)).toBeWithinParent();
    expect(inTrace([root, leaf], built)).toRunInParallel();
  });
});
