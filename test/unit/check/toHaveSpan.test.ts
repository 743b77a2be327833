import { Trace } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { failureOf } from '../../support/failure.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

const root = makeSpan({
  traceId: 'c'.repeat(32),
  spanId: '0000000000000001',
  name: 'POST /checkout',
  kind: 'server',
  service: 'checkout',
  start: 0,
  end: 45,
  attributes: { 'http.route': '/checkout', 'http.response.status_code': 201 },
});
const db = makeSpan({
  parent: root,
  spanId: '0000000000000002',
  name: 'SELECT cart',
  kind: 'client',
  service: 'checkout',
  start: 1,
  end: 9,
  attributes: { 'db.system': 'postgresql', 'db.statement': 'SELECT * FROM cart' },
});
const call = makeSpan({
  parent: root,
  spanId: '0000000000000003',
  name: 'POST',
  kind: 'client',
  service: 'checkout',
  start: 10,
  end: 40,
  attributes: { 'http.request.method': 'POST', 'server.address': 'payments' },
});
const charge = makeSpan({
  parent: call,
  spanId: '0000000000000004',
  name: 'POST /charge',
  kind: 'server',
  service: 'payments',
  start: 12,
  end: 38,
  status: { code: 'error', message: 'card declined' },
  events: [
    {
      name: 'exception',
      timeUnixNano: 0n,
      attributes: { 'exception.type': 'CardError', 'exception.message': 'card declined' },
    },
  ],
});
const trace = Trace.of([root, db, call, charge]);

describe('toHaveSpan', () => {
  test('passes on a partial span: strings, RegExps, asymmetric matchers, attribute subset', () => {
    expect(trace).toHaveSpan({ name: 'POST /checkout', kind: 'server' });
    expect(trace).toHaveSpan({ name: /^SELECT/, attributes: { 'db.system': 'postgresql' } });
    expect(trace).toHaveSpan({ attributes: { 'http.response.status_code': expect.any(Number) } });
    expect(trace).toHaveSpan({ name: expect.stringContaining('charge'), service: 'payments' });
    expect(trace).toHaveSpan({ status: 'error' });
    expect(trace).toHaveSpan({ status: { code: 'error', message: /declined/ } });
    expect(trace).toHaveSpan({ events: ['exception'] });
    expect(trace).toHaveSpan({ events: [{ name: 'exception', attributes: { 'exception.type': 'CardError' } }] });
    expect(trace).toHaveSpan({ name: 'POST /charge', parent: { kind: 'client', parent: { name: 'POST /checkout' } } });
    expect(trace).toHaveSpan({ name: 'POST /checkout', parent: null });
    expect(trace).toHaveSpan({ name: 'SELECT cart', parent: root });
    expect(trace).toHaveSpan({ scope: 'tracespec-test' });
  });

  test('count options', () => {
    expect(trace).toHaveSpan({ kind: 'client' }, { times: 2 });
    expect(trace).toHaveSpan({ kind: 'client' }, { atLeast: 2 });
    expect(trace).toHaveSpan({ kind: 'client' }, { atMost: 2 });
    expect(trace).toHaveSpan({ kind: 'consumer' }, { atMost: 0 });
    expect(trace).not.toHaveSpan({ kind: 'client' }, { times: 1 });
    expect(() => expect(trace).toHaveSpan({ kind: 'client' }, { times: -1 })).toThrow(
      /`times` must be a whole number >= 0/,
    );
    expect(() => expect(trace).toHaveSpan({}, { times: 1, atLeast: 1 })).toThrow(/either `times` or `atLeast`/);
  });

  test('a wrong name shows the tree with the closest span marked and the field that differed', () => {
    expect(
      failureOf(() => expect(trace).toHaveSpan({ name: 'POST /charges', service: 'payments' })),
    ).toMatchInlineSnapshot(`
      "expect(traces).toHaveSpan(expected)

      Expected: a span matching { name: "POST /charges", service: "payments" }
      Received: no matching span among 4 spans in 1 trace

      Closest spans:
        1. payments server "POST /charge" 26ms error: "card declined" — 1 of 2 fields differs
             name: expected "POST /charges", received "POST /charge"

      trace cccccccccccccccccccccccccccccccc (4 spans)
        checkout server "POST /checkout" 45ms
        ├─ checkout client "SELECT cart" 8ms
        └─ checkout client "POST" 30ms
           └─ payments server "POST /charge" 26ms error: "card declined"  ◀ closest 1"
    `);
  });

  test('a wrong kind', () => {
    expect(failureOf(() => expect(trace).toHaveSpan({ name: 'SELECT cart', kind: 'internal' }))).toMatchInlineSnapshot(`
      "expect(traces).toHaveSpan(expected)

      Expected: a span matching { name: "SELECT cart", kind: "internal" }
      Received: no matching span among 4 spans in 1 trace

      Closest spans:
        1. checkout client "SELECT cart" 8ms — 1 of 2 fields differs
             kind: expected "internal", received "client"

      trace cccccccccccccccccccccccccccccccc (4 spans)
        checkout server "POST /checkout" 45ms
        ├─ checkout client "SELECT cart" 8ms  ◀ closest 1
        └─ checkout client "POST" 30ms
           └─ payments server "POST /charge" 26ms error: "card declined""
    `);
  });

  test('a wrong attribute shows the attribute on every span of the tree', () => {
    expect(
      failureOf(() => expect(trace).toHaveSpan({ name: 'SELECT cart', attributes: { 'db.system': 'mysql' } })),
    ).toMatchInlineSnapshot(`
      "expect(traces).toHaveSpan(expected)

      Expected: a span matching { name: "SELECT cart", attributes: { db.system: "mysql" } }
      Received: no matching span among 4 spans in 1 trace

      Closest spans:
        1. checkout client "SELECT cart" 8ms — 1 of 2 fields differs
             attributes.db.system: expected "mysql", received "postgresql"

      trace cccccccccccccccccccccccccccccccc (4 spans)
        checkout server "POST /checkout" 45ms
        ├─ checkout client "SELECT cart" 8ms  {db.system="postgresql"}  ◀ closest 1
        └─ checkout client "POST" 30ms
           └─ payments server "POST /charge" 26ms error: "card declined""
    `);
  });

  test('a wrong parent', () => {
    expect(
      failureOf(() =>
        expect(trace).toHaveSpan({ name: 'POST /charge', parent: { service: 'checkout', kind: 'server' } }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(traces).toHaveSpan(expected)

      Expected: a span matching { name: "POST /charge", parent: { service: "checkout", kind: "server" } }
      Received: no matching span among 4 spans in 1 trace

      Closest spans:
        1. payments server "POST /charge" 26ms error: "card declined" — 1 of 3 fields differs
             parent.kind: expected "server", received "client"
        2. checkout client "SELECT cart" 8ms — 1 of 3 fields differs
             name: expected "POST /charge", received "SELECT cart"
        3. checkout client "POST" 30ms — 1 of 3 fields differs
             name: expected "POST /charge", received "POST"

      trace cccccccccccccccccccccccccccccccc (4 spans)
        checkout server "POST /checkout" 45ms
        ├─ checkout client "SELECT cart" 8ms  ◀ closest 2
        └─ checkout client "POST" 30ms  ◀ closest 3
           └─ payments server "POST /charge" 26ms error: "card declined"  ◀ closest 1"
    `);
  });

  test('a wrong status', () => {
    expect(failureOf(() => expect(trace).toHaveSpan({ name: 'POST /charge', status: 'ok' }))).toMatchInlineSnapshot(`
      "expect(traces).toHaveSpan(expected)

      Expected: a span matching { name: "POST /charge", status: "ok" }
      Received: no matching span among 4 spans in 1 trace

      Closest spans:
        1. payments server "POST /charge" 26ms error: "card declined" — 1 of 2 fields differs
             status.code: expected "ok", received "error"

      trace cccccccccccccccccccccccccccccccc (4 spans)
        checkout server "POST /checkout" 45ms
        ├─ checkout client "SELECT cart" 8ms
        └─ checkout client "POST" 30ms
           └─ payments server "POST /charge" 26ms error: "card declined"  ◀ closest 1"
    `);
  });

  test('.not shows the spans that matched', () => {
    expect(failureOf(() => expect(trace).not.toHaveSpan({ kind: 'client' }))).toMatchInlineSnapshot(`
      "expect(traces).not.toHaveSpan(expected)

      Expected: no span matching { kind: "client" }
      Received: 2 matching spans

      trace cccccccccccccccccccccccccccccccc (4 spans)
        checkout server "POST /checkout" 45ms
        ├─ checkout client "SELECT cart" 8ms  ◀ match 1
        └─ checkout client "POST" 30ms  ◀ match 2
           └─ payments server "POST /charge" 26ms error: "card declined""
    `);
  });

  test('a wrong count', () => {
    expect(failureOf(() => expect(trace).toHaveSpan({ kind: 'server' }, { times: 1 }))).toMatchInlineSnapshot(`
      "expect(traces).toHaveSpan(expected)

      Expected: exactly 1 span matching { kind: "server" }
      Received: 2 matching spans

      trace cccccccccccccccccccccccccccccccc (4 spans)
        checkout server "POST /checkout" 45ms  ◀ match 1
        ├─ checkout client "SELECT cart" 8ms
        └─ checkout client "POST" 30ms
           └─ payments server "POST /charge" 26ms error: "card declined"  ◀ match 2"
    `);
  });

  test('no span at all', () => {
    expect(failureOf(() => expect(trace).toHaveSpan({ name: 'nothing like it' }))).toContain(
      'Received: no matching span among 4 spans in 1 trace',
    );
  });

  test('anything but traces is a clear error', () => {
    expect(() => expect({}).toHaveSpan({ name: 'x' })).toThrow(/expects a Trace, a TraceSet or the test's traces/);
  });
});

describe('toHaveNoErrors', () => {
  test('lists each error span with its exception', () => {
    const ok = Trace.of([root, db]);
    expect(ok).toHaveNoErrors();
    expect(failureOf(() => expect(trace).toHaveNoErrors())).toMatchInlineSnapshot(`
      "expect(traces).toHaveNoErrors()

      Expected: no span with status error
      Received: 1 error span:
        1. payments server "POST /charge": CardError: card declined

      trace cccccccccccccccccccccccccccccccc (4 spans)
        checkout server "POST /checkout" 45ms
        ├─ checkout client "SELECT cart" 8ms
        └─ checkout client "POST" 30ms
           └─ payments server "POST /charge" 26ms error: "card declined"  ◀ error 1"
    `);
  });
});
