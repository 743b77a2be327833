import { type Span, TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { failureOf } from '../../support/failure.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

const T1 = '1'.repeat(32);
const T2 = '2'.repeat(32);

/** gateway -> orders -> inventory, with the orders -> inventory hop connected or not. */
function system(connected: boolean) {
  const gateway = makeSpan({
    traceId: T1,
    spanId: '00000000000000g1',
    name: 'GET /orders/7',
    kind: 'server',
    service: 'gateway',
    start: 0,
    end: 50,
    attributes: { 'url.path': '/orders/7' },
  });
  const gatewayCall = makeSpan({
    parent: gateway,
    spanId: '00000000000000g2',
    name: 'GET',
    kind: 'client',
    service: 'gateway',
    start: 2,
    end: 48,
    attributes: { 'server.address': 'orders', 'url.full': 'http://orders:8080/orders/7' },
  });
  const orders = makeSpan({
    parent: gatewayCall,
    spanId: '00000000000000o1',
    name: 'GET /orders/:id',
    kind: 'server',
    service: 'orders',
    start: 3,
    end: 47,
    attributes: { 'url.path': '/orders/7' },
  });
  const stockCall = makeSpan({
    parent: orders,
    spanId: '00000000000000o2',
    name: 'GET',
    kind: 'client',
    service: 'orders',
    start: 10,
    end: 40,
    attributes: { 'server.address': 'inventory', 'url.full': 'http://inventory:8080/stock/7' },
  });
  const inventory = connected
    ? makeSpan({
        parent: stockCall,
        spanId: '00000000000000i1',
        name: 'GET /stock/:sku',
        kind: 'server',
        service: 'inventory',
        start: 11,
        end: 39,
        attributes: { 'url.path': '/stock/7' },
      })
    : makeSpan({
        traceId: T2,
        spanId: '00000000000000i1',
        name: 'GET /stock/:sku',
        kind: 'server',
        service: 'inventory',
        start: 11,
        end: 39,
        attributes: { 'url.path': '/stock/7' },
      });
  const query = makeSpan({
    parent: inventory,
    spanId: '00000000000000i2',
    name: 'SELECT stock',
    kind: 'client',
    service: 'inventory',
    start: 12,
    end: 20,
    status: { code: 'error', message: 'deadlock' },
  });
  return TraceSet.fromSpans([gateway, gatewayCall, orders, stockCall, inventory, query]);
}

describe('toBeConnected', () => {
  test('passes for one trace with one root and every parent present', () => {
    expect(system(true)).toBeConnected();
  });

  test('names the hop that lost context and the client span that sent none', () => {
    const broken = system(false);
    expect(broken).not.toBeConnected();
    expect(failureOf(() => expect(broken).toBeConnected())).toMatchInlineSnapshot(`
      "expect(traces).toBeConnected()

      Expected: one connected trace (one trace id, one root, every parent present)
      Received: 2 traces, 1 broken hop:
        1. orders -> inventory: inventory's server span "GET /stock/:sku" did not continue orders' trace: it started a new trace (22222222222222222222222222222222); the call is orders' client span "GET" (it called inventory, it requested /stock/7). Inferred, no tap on this link: orders sent no context (or one inventory does not read), or inventory ignored it
           → Keep the recording tap on this link (a TracedEnvironment link has one unless { tap: false }) to tell which.

      trace 11111111111111111111111111111111 (4 spans)
        gateway server "GET /orders/7" 50ms
        └─ gateway client "GET" (url.full: "http://orders:8080/orders/7") 46ms
           └─ orders server "GET /orders/:id" 44ms
              └─ orders client "GET" (url.full: "http://inventory:8080/stock/7") 30ms  ◀ 1: caller

      trace 22222222222222222222222222222222 (2 spans)
        inventory server "GET /stock/:sku" 28ms  ◀ 1: context lost here
        └─ inventory client "SELECT stock" 8ms error: "deadlock""
    `);
  });

  test('an orphan whose caller span never arrived: the missing parent is named, the cause only inferred', () => {
    const spans = system(true).spans.filter((span) => span.service !== 'orders' || span.kind !== 'client');
    expect(failureOf(() => expect(TraceSet.fromSpans(spans)).toBeConnected())).toContain(
      '1. inventory: the server span "GET /stock/:sku" names parent 00000000000000o2, which is not in the trace. Inferred: the span 00000000000000o2 was never exported, or the caller sent an id that is not one of its spans',
    );
  });

  test('no spans at all', () => {
    expect(failureOf(() => expect(TraceSet.fromSpans([])).toBeConnected())).toContain('Received: no spans');
  });
});

describe('toPropagate', () => {
  test('passes when a client span of one service is the parent of a server span of the other', () => {
    expect(system(true)).toPropagate({ from: 'gateway', to: 'orders' });
    expect(system(true)).toPropagate({ from: 'orders', to: 'inventory' });
    expect(system(true)).not.toPropagate({ from: 'inventory', to: 'gateway' });
  });

  test('fails naming why: the callee started its own trace', () => {
    expect(
      failureOf(() => expect(system(false)).toPropagate({ from: 'orders', to: 'inventory' })),
    ).toMatchInlineSnapshot(`
      "expect(traces).toPropagate(expected)

      Expected: a client/producer span in orders as the parent of a server/consumer span in inventory
      Received: none
        - orders -> inventory: inventory's server span "GET /stock/:sku" did not continue orders' trace: it started a new trace (22222222222222222222222222222222); the call is orders' client span "GET" (it called inventory, it requested /stock/7). Inferred, no tap on this link: orders sent no context (or one inventory does not read), or inventory ignored it
          → Keep the recording tap on this link (a TracedEnvironment link has one unless { tap: false }) to tell which.

      trace 11111111111111111111111111111111 (4 spans)
        gateway server "GET /orders/7" 50ms
        └─ gateway client "GET" (url.full: "http://orders:8080/orders/7") 46ms
           └─ orders server "GET /orders/:id" 44ms
              └─ orders client "GET" (url.full: "http://inventory:8080/stock/7") 30ms  ◀ 1: caller

      trace 22222222222222222222222222222222 (2 spans)
        inventory server "GET /stock/:sku" 28ms  ◀ 1: context lost here
        └─ inventory client "SELECT stock" 8ms error: "deadlock""
    `);
  });
});

describe('service graph', () => {
  test('trace.serviceGraph() counts calls and errors between services', () => {
    const trace = system(true).only();
    expect(trace.serviceGraph()).toEqual({
      services: ['gateway', 'inventory', 'orders'],
      edges: [
        { from: 'gateway', to: 'orders', calls: 1, errors: 0 },
        { from: 'orders', to: 'inventory', calls: 1, errors: 0 },
      ],
    });
  });

  test('toHaveServiceGraph with strings, counts and exact', () => {
    const set = system(true);
    expect(set).toHaveServiceGraph(['gateway -> orders', { from: 'orders', to: 'inventory', calls: 1, errors: 0 }], {
      exact: true,
    });
    expect(set).toHaveServiceGraph(['gateway -> orders']);
    expect(set).not.toHaveServiceGraph(['gateway -> orders'], { exact: true });
    expect(
      failureOf(() => expect(system(false)).toHaveServiceGraph(['gateway -> orders', 'orders -> inventory'])),
    ).toMatchInlineSnapshot(`
      "expect(traces).toHaveServiceGraph(expected)

      Expected: a service graph with gateway -> orders, orders -> inventory
      Differences:
        - orders -> inventory: the call was made, but the context was lost: orders -> inventory: inventory's server span "GET /stock/:sku" did not continue orders' trace: it started a new trace (22222222222222222222222222222222); the call is orders' client span "GET" (it called inventory, it requested /stock/7). Inferred, no tap on this link: orders sent no context (or one inventory does not read), or inventory ignored it

      Received:
        gateway -> orders (1 call, 0 errors)
        orders -> inventory (context lost: not-continued, inferred)"
    `);
    // A connected graph that lacks an expected edge lists the edges it has.
    const missing = failureOf(() => expect(set).toHaveServiceGraph(['gateway -> payments']));
    expect(missing).toContain(
      'Received:\n  gateway -> orders (1 call, 0 errors)\n  orders -> inventory (1 call, 0 errors)',
    );
    expect(() => expect(set).toHaveServiceGraph(['gateway => orders' as 'a -> b'])).toThrow(
      /write it as 'caller -> callee'/,
    );
  });
});

describe('toPropagate: the hop is proven only when the request’s context went through it', () => {
  const T3 = '3'.repeat(32);
  const spansOf = (set: TraceSet) => [...set.spans];
  /** The request as far as orders' server span, in trace T1: orders has not called inventory yet. */
  const upToOrders = () => {
    const spans = spansOf(system(true)).filter(
      (span) => span.service === 'gateway' || (span.service === 'orders' && span.kind === 'server'),
    );
    const orders = spans.find((span) => span.service === 'orders');
    if (!orders) throw new Error('the fixture has an orders server span');
    return { spans, orders };
  };
  type Place = { readonly parent: Span } | { readonly traceId: string };
  const at = (place: Place) => ('parent' in place ? { parent: place.parent } : { traceId: place.traceId });
  const placed =
    (fields: Parameters<typeof makeSpan>[0], start: number, end: number) =>
    (place: Place, spanId: string, from = start, to = end) =>
      makeSpan({ ...fields, ...at(place), spanId, start: from, end: to });
  /** orders' call to inventory, under a parent or as the root of a trace. */
  const ordersCall = placed(
    {
      name: 'GET',
      kind: 'client',
      service: 'orders',
      attributes: { 'server.address': 'inventory', 'url.full': 'http://inventory:8080/stock/7' },
    },
    10,
    40,
  );
  /** inventory's server span, under the call or as the root of a trace. */
  const inventoryServer = placed(
    { name: 'GET /stock/:sku', kind: 'server', service: 'inventory', attributes: { 'url.path': '/stock/7' } },
    11,
    39,
  );

  test('a call made outside the request’s context fails it, though the callee continued what it got', () => {
    const { spans, orders } = upToOrders();
    // orders' client span began a trace of its own while orders was handling the request (a queue, a pool).
    const detached = ordersCall({ traceId: T2 }, '00000000000000o9');
    const set = TraceSet.fromSpans([...spans, detached, inventoryServer({ parent: detached }, '00000000000000i1')]);
    expect(orders.traceId).toBe(T1);
    expect(set).not.toPropagate({ from: 'orders', to: 'inventory' });
    const message = failureOf(() => expect(set).toPropagate({ from: 'orders', to: 'inventory' }));
    expect(message).toContain('Received: none');
    expect(message).toContain(
      `orders: the outgoing call ran outside the request's context: orders' client span "GET" started a new trace (${T2}) while orders was handling "GET /orders/:id" of this test's trace`,
    );
    // The hop before it is sound.
    expect(set).toPropagate({ from: 'gateway', to: 'orders' });
  });

  test('handling that ran under a new root fails it: its calls carried the new trace', () => {
    const { spans } = upToOrders();
    const handle = makeSpan({
      traceId: T2,
      spanId: '00000000000000o8',
      name: 'orders.handle',
      service: 'orders',
      start: 5,
      end: 45,
    });
    const call = ordersCall({ parent: handle }, '00000000000000o9');
    const set = TraceSet.fromSpans([...spans, handle, call, inventoryServer({ parent: call }, '00000000000000i1')]);
    const message = failureOf(() => expect(set).toPropagate({ from: 'orders', to: 'inventory' }));
    expect(message).toContain(
      'orders: the handling of "GET /orders/:id" ran under a new root: internal span "orders.handle"',
    );
    expect(set).toPropagate({ from: 'gateway', to: 'orders' });
  });

  test('a hop after a loss upstream still passes: it passed on the context it had', () => {
    const spans = spansOf(system(true));
    // orders' server span started a new trace (gateway -> orders lost it); orders -> inventory carried that trace on.
    const { orders } = upToOrders();
    const { parentSpanId: _lost, ...root } = orders;
    const ordersServer: Span = { ...root, traceId: T3 };
    const call = ordersCall({ parent: ordersServer }, '00000000000000o2');
    const gatewaySide = spans.filter((span) => span.service === 'gateway');
    const set = TraceSet.fromSpans([
      ...gatewaySide,
      ordersServer,
      call,
      inventoryServer({ parent: call }, '00000000000000i1'),
    ]);
    expect(set).toPropagate({ from: 'orders', to: 'inventory' });
    expect(set).not.toPropagate({ from: 'gateway', to: 'orders' });
  });

  test('one call of two that lost the context fails it, and the message shows both', () => {
    const spans = spansOf(system(true));
    const orders = spans.find((span) => span.service === 'orders' && span.kind === 'server');
    if (!orders) throw new Error('the fixture has an orders server span');
    const retry = ordersCall({ parent: orders }, '00000000000000o3', 41, 46);
    const lost = inventoryServer({ traceId: T2 }, '00000000000000i3', 42, 45);
    const set = TraceSet.fromSpans([...spans, retry, lost]);
    const message = failureOf(() => expect(set).toPropagate({ from: 'orders', to: 'inventory' }));
    expect(message).toContain('Received: 1 propagated call, and 1 that lost the context:');
    expect(message).toContain('  propagated: orders client "GET"');
    expect(message).toContain(
      `orders -> inventory: inventory's server span "GET /stock/:sku" did not continue orders' trace`,
    );
  });
});
