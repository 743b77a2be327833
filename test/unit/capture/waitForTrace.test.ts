import { WaitTimeoutError, waitForTrace } from 'tracespec/otlp';
import { describe, expect, test } from 'vitest';
import { SpanStore } from '../../../src/capture/SpanStore.ts';
import { makeSpan } from '../receive/support/makeSpan.ts';

const root = makeSpan({ spanId: '00000000000000a1', name: 'POST /checkout', kind: 'server' });
const child = makeSpan({
  spanId: '00000000000000b2',
  parentSpanId: '00000000000000a1',
  name: 'charge',
  kind: 'client',
});
const grandchild = makeSpan({
  spanId: '00000000000000c3',
  parentSpanId: '00000000000000b2',
  name: 'POST /charge',
  kind: 'server',
  service: 'payments',
});

describe('waitForTrace', () => {
  test('waits for the root: a trace of orphans is not complete', async () => {
    const store = new SpanStore();
    const waiting = waitForTrace(store, (trace) => trace.size >= 1, { timeout: 5000, settle: 10 });
    store.addAll([grandchild, child]);
    await new Promise(setImmediate);
    store.addAll([root]);
    const trace = await waiting;
    expect(trace.spans.map((span) => span.name)).toEqual(['POST /checkout', 'charge', 'POST /charge']);
  });

  test('waits until no span of the trace arrived for `settle` ms', async () => {
    const store = new SpanStore();
    store.addAll([root]);
    const waiting = waitForTrace(store, { rootName: 'POST /checkout' }, { timeout: 5000, settle: 300 });
    await new Promise(setImmediate);
    store.addAll([child]);
    const trace = await waiting;
    expect(trace.size).toBe(2);
  });

  test('matches by root name (string or RegExp) and service', async () => {
    const store = new SpanStore();
    store.addAll([root, child, grandchild]);
    await expect(
      waitForTrace(store, { rootName: /checkout/, service: 'payments' }, { settle: 0 }),
    ).resolves.toBeDefined();
    await expect(
      waitForTrace(store, { rootName: 'POST /checkout', service: 'inventory' }, { settle: 0, timeout: 30 }),
    ).rejects.toThrow(/None matches the trace with root "POST \/checkout" and service "inventory"/);
  });

  test('on timeout, shows the tree so far, the orphans and the last arrival instead of just "timeout"', async () => {
    const store = new SpanStore();
    store.addAll([child, grandchild]);
    const error = (await waitForTrace(store, { service: 'payments' }, { timeout: 100, settle: 10 }).catch(
      (e: unknown) => e,
    )) as WaitTimeoutError;
    expect(error).toBeInstanceOf(WaitTimeoutError);
    const message = error.message.replace(/\d+ms ago/, 'Nms ago').replace(/\(\d+ checks\)/, '(N checks)');
    expect(message).toMatchInlineSnapshot(`
      "[tracespec] complete trace with service "payments" not met after 100ms (N checks).

      Received 1 trace(s) with 2 span(s); the last span arrived Nms ago.

      A matching trace is incomplete: no root span yet, 1 orphan(s) waiting for parent(s) 00000000000000a1.
      trace 4bf92f3577b34da6a3ce929d0e0e4736 (2 spans)
        shop client "charge" 10ms  [orphan: parent 00000000000000a1 is missing]
        └─ payments server "POST /charge" 10ms"
    `);
  });

  test('on timeout with nothing received, says so', async () => {
    const error = (await waitForTrace(new SpanStore(), { rootName: 'x' }, { timeout: 20 }).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error.message).toContain('Received 0 trace(s) with 0 span(s); no span has arrived yet.');
  });
});
