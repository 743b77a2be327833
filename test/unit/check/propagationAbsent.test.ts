// toPropagate when no lost context explains a missing hop: the message says what each side recorded, and says that
// no call was recorded only when nothing else explains it.
import { TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { hasPropagation } from '../../../src/check/trace/hasPropagation.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

describe('why a hop that was expected is not there', () => {
  const gateway = makeSpan({ name: 'GET /checkout', kind: 'server', service: 'gateway', start: 0, end: 50 });

  test('a caller with no client span: said so, and not "no call was recorded" on top', () => {
    const traces = TraceSet.fromSpans([
      gateway,
      makeSpan({ parent: gateway, name: 'GET /orders', kind: 'server', service: 'orders', start: 2, end: 40 }),
    ]);
    const result = hasPropagation(traces, { from: 'orders', to: 'inventory' });
    expect(result.pass).toBe(false);
    const message = result.message();
    expect(message).toContain("orders recorded no client or producer span in this test's traces");
    expect(message).toContain('inventory recorded no server or consumer span');
    expect(message).not.toContain('no call from orders to inventory was recorded');
  });

  test('a callee whose server span has another parent: that parent is named', () => {
    const traces = TraceSet.fromSpans([
      gateway,
      makeSpan({ parent: gateway, name: 'GET', kind: 'client', service: 'orders', start: 2, end: 40 }),
      makeSpan({ parent: gateway, name: 'GET /stock', kind: 'server', service: 'inventory', start: 3, end: 30 }),
    ]);
    const message = hasPropagation(traces, { from: 'orders', to: 'inventory' }).message();
    expect(message).toContain('inventory server "GET /stock"');
    expect(message).toContain('has parent gateway server "GET /checkout"');
    expect(message).not.toContain('no call from orders to inventory was recorded');
  });
});
