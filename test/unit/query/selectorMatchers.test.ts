import { stripVTControlCharacters } from 'node:util';
import { findOne, hasParent, hasSpan, SelectorSyntaxError, TraceSet } from 'tracespec';
import { inTrace } from 'tracespec/vitest';
import { describe, expect, it } from 'vitest';
import { buildTrace, node } from '../../support/traceBuilder.ts';

const trace = buildTrace(
  node({ name: 'POST /checkout', service: 'checkout', kind: 'server' }, [
    node({ name: 'SELECT cart', service: 'checkout', kind: 'client', attributes: { 'db.system': 'postgresql' } }),
    node({ name: 'GET /orders', service: 'checkout', kind: 'client' }, [
      node({ name: 'GET /orders', service: 'orders', kind: 'server' }, [
        node({ name: 'SELECT orders', service: 'orders', kind: 'client', attributes: { 'db.system': 'postgresql' } }),
      ]),
    ]),
  ]),
);

const failure = (run: () => void): string => {
  try {
    run();
  } catch (error) {
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error('expected the assertion to fail');
};

describe('toHaveSpan with a selector', () => {
  it("shows the closest spans' own values for the attributes a failed selector names", () => {
    const payment = buildTrace(
      node({ name: 'POST /checkout', service: 'shop', kind: 'server' }, [
        node({ name: 'charge card', service: 'shop', attributes: { 'payment.amount': 42, 'payment.currency': 'EUR' } }),
        node({ name: 'reserve stock', service: 'shop' }),
      ]),
    );
    const single = failure(() => expect(payment).toHaveSpan('[payment.amount=43]'));
    expect(single).toContain(
      'Closest spans:\n  1. shop internal "charge card" 1ms — fails "[payment.amount=43]" (payment.amount is 42)',
    );
    expect(single).not.toContain('reserve stock" 1ms —');
    const two = failure(() => expect(payment).toHaveSpan('[payment.amount=43][payment.currency=USD]'));
    expect(two).toContain(
      '— fails "[payment.amount=43]" (payment.amount is 42), "[payment.currency=USD]" (payment.currency is "EUR")',
    );
    const field = failure(() => expect(payment).toHaveSpan('[payment.amount][duration>5ms]'));
    expect(field).toContain('fails "[duration>5ms]" (duration is 1ms)');
  });

  it('passes when a span matches, with counts', () => {
    expect(trace).toHaveSpan('[service=orders] > [db.system=postgresql]');
    expect(trace).toHaveSpan('[db.system=postgresql]', { times: 2 });
    expect(trace).not.toHaveSpan('[service=payments]');
  });

  it('shows the spans that match the subject but not the combinators', () => {
    expect(
      failure(() => expect(trace).toHaveSpan('[service=payments] > [db.system=postgresql]')),
    ).toMatchInlineSnapshot(`
        "expect(traces).toHaveSpan(expected)

        Expected: a span matching selector "[service=payments] > [db.system=postgresql]"
        Received: no matching span among 5 spans in 1 trace

        Closest spans:
          1. checkout client "SELECT cart" 1ms — matches "[db.system=postgresql]" but not "[service=payments] > [db.system=postgresql]"
          2. orders client "SELECT orders" 1ms — matches "[db.system=postgresql]" but not "[service=payments] > [db.system=postgresql]"

        trace 00000000000000000000000000000001 (5 spans)
          checkout server "POST /checkout" 1ms
          ├─ checkout client "SELECT cart" 1ms  ◀ closest 1
          └─ checkout client "GET /orders" 1ms
             └─ orders server "GET /orders" 1ms
                └─ orders client "SELECT orders" 1ms  ◀ closest 2"
      `);
  });

  it('shows the spans that meet most conditions of the subject', () => {
    expect(failure(() => expect(trace).toHaveSpan('[kind=client][db.system=mysql]'))).toMatchInlineSnapshot(`
      "expect(traces).toHaveSpan(expected)

      Expected: a span matching selector "[kind=client][db.system=mysql]"
      Received: no matching span among 5 spans in 1 trace

      Closest spans:
        1. checkout client "SELECT cart" 1ms — fails "[db.system=mysql]" (db.system is "postgresql")
        2. orders client "SELECT orders" 1ms — fails "[db.system=mysql]" (db.system is "postgresql")
        3. checkout client "GET /orders" 1ms — fails "[db.system=mysql]" (db.system is absent)

      trace 00000000000000000000000000000001 (5 spans)
        checkout server "POST /checkout" 1ms
        ├─ checkout client "SELECT cart" 1ms  ◀ closest 1
        └─ checkout client "GET /orders" 1ms  ◀ closest 3
           └─ orders server "GET /orders" 1ms
              └─ orders client "SELECT orders" 1ms  ◀ closest 2"
    `);
  });

  it('marks the matches when the count is wrong', () => {
    expect(failure(() => expect(trace).toHaveSpan('[db.system=postgresql]', { times: 1 }))).toMatchInlineSnapshot(`
      "expect(traces).toHaveSpan(expected)

      Expected: exactly 1 span matching selector "[db.system=postgresql]"
      Received: 2 matching spans

      trace 00000000000000000000000000000001 (5 spans)
        checkout server "POST /checkout" 1ms
        ├─ checkout client "SELECT cart" 1ms  ◀ match 1
        └─ checkout client "GET /orders" 1ms
           └─ orders server "GET /orders" 1ms
              └─ orders client "SELECT orders" 1ms  ◀ match 2"
    `);
  });

  it('explains .not failures', () => {
    expect(failure(() => expect(trace).not.toHaveSpan('"SELECT cart"'))).toMatchInlineSnapshot(`
      "expect(traces).not.toHaveSpan(expected)

      Expected: not a span matching selector "\\"SELECT cart\\""
      Received: 1 matching span

      trace 00000000000000000000000000000001 (5 spans)
        checkout server "POST /checkout" 1ms
        ├─ checkout client "SELECT cart" 1ms  ◀ match 1
        └─ checkout client "GET /orders" 1ms
           └─ orders server "GET /orders" 1ms
              └─ orders client "SELECT orders" 1ms"
    `);
  });

  it('throws the syntax error for a bad selector', () => {
    expect(() => hasSpan(new TraceSet([trace]), '[service=')).toThrow(SelectorSyntaxError);
    expect(() => expect(trace).toHaveSpan('checkout >')).toThrow('expected a selector after ">"');
  });
});

describe('a selector as the parent of a partial span', () => {
  const ordersDb = findOne(trace, '"SELECT orders"');

  it('matches the parent against the selector', () => {
    expect(trace).toHaveSpan({ name: 'SELECT orders', parent: '[service=orders][kind=server]' });
    expect(trace).not.toHaveSpan({ name: 'SELECT orders', parent: '[service=checkout]' });
    expect(hasParent(ordersDb, 'checkout "GET /orders"', trace).pass).toBe(false);
    expect(hasParent(ordersDb, '"GET /orders" > "GET /orders"', trace).pass).toBe(true);
  });

  it('names the selector in the failure', () => {
    expect(failure(() => expect(inTrace(ordersDb, trace)).toHaveParent('[service=checkout]'))).toMatchInlineSnapshot(`
      "expect(span).toHaveParent(expected)

      Expected: parent
      Span: orders client "SELECT orders" 1ms

        parent: expected Selector("[service=checkout]"), received "server GET /orders (0000000000000004)"

      trace 00000000000000000000000000000001 (5 spans)
        checkout server "POST /checkout" 1ms
        ├─ checkout client "SELECT cart" 1ms
        └─ checkout client "GET /orders" 1ms
           └─ orders server "GET /orders" 1ms
              └─ orders client "SELECT orders" 1ms  ◀ this span"
    `);
  });
});
