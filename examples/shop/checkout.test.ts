import { traces } from 'tracespec/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Shop, startShop } from './startShop.ts';

let shop: Shop;
beforeAll(async () => {
  shop = await startShop();
});
afterAll(() => shop.close());

describe('checkout (in-process example)', () => {
  test('a checkout checks stock for each item in parallel, then prices and charges', async () => {
    const response = await fetch(`${shop.url}/checkout`, { method: 'POST' });
    expect(response.status).toBe(201);

    // The checkout server span, with the HTTP attributes the instrumentation records.
    expect(traces()).toHaveSpan({
      kind: 'server',
      attributes: { 'url.path': '/checkout', 'http.response.status_code': 201 },
    });
    // Two stock look-ups: each a CLIENT span whose child is the inventory's SERVER span.
    expect(traces()).toHaveSpan(
      { kind: 'server', attributes: { 'url.path': /^\/stock\// }, parent: { kind: 'client' } },
      { times: 2 },
    );
    // Hand-made spans are children of the checkout server span.
    expect(traces()).toHaveSpan({
      name: 'charge card',
      parent: { kind: 'server', attributes: { 'url.path': '/checkout' } },
    });
    expect(traces()).toHaveNoErrors();

    // The whole request is one trace; walk it like a tree.
    const trace = traces().only();
    const charge = trace.spans.find((span) => span.name === 'charge card');
    expect(charge).toHaveAttributes({ 'payment.amount': 42 });
  });

  test('a declined card marks the charge span as an error with the exception event', async () => {
    const response = await fetch(`${shop.url}/checkout`, { method: 'POST', headers: { 'x-card': 'declined' } });
    expect(response.status).toBe(402);
    const charge = traces().spans.find((span) => span.name === 'charge card');
    expect(charge).toHaveStatus({ code: 'error', message: 'card declined' });
    expect(charge).toHaveEvent({ name: 'exception', attributes: { 'exception.message': 'card declined' } });
    expect(traces()).not.toHaveNoErrors();
  });

  test('when the inventory is down, the failed look-ups show in the trace', async () => {
    shop.failInventory(true);
    try {
      const response = await fetch(`${shop.url}/checkout`, { method: 'POST' });
      expect(response.status).toBe(502);
      expect(traces()).toHaveSpan({ kind: 'server', attributes: { 'http.response.status_code': 503 } }, { times: 2 });
      expect(traces()).not.toHaveSpan({ name: 'charge card' });
    } finally {
      shop.failInventory(false);
    }
  });
});
