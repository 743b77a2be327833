import { configureTraceSnapshots, defaultRedactions, snapshotOf, traces } from 'tracespec/vitest';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Shop, startShop } from './startShop.ts';

// For every snapshot of this file (or, in a setup file, of the whole suite): fewer attributes, one more rule.
configureTraceSnapshots({
  attributes: { exclude: [/^network\./, /^url\.(query|scheme)$/, /^user_agent\./, 'http.request.method_original'] },
  redact: [...defaultRedactions, { name: 'sku', value: /(?<=\/stock\/)\w+/g, replacement: '<sku>' }],
});

let shop: Shop;
beforeAll(async () => {
  shop = await startShop();
});
afterAll(() => shop.close());

test('the shape of a checkout', async () => {
  await fetch(`${shop.url}/checkout`, { method: 'POST' });
  // Options for this snapshot only: just these attributes.
  const shape = snapshotOf(traces(), {
    attributes: { include: ['url.path', 'http.response.status_code', /^payment\./] },
  });
  expect(shape).toMatchInlineSnapshot(`
    trace 1 (8 spans)
      shop client "POST"
        · http.response.status_code: 201
        · url.path: "/checkout"
        shop server "POST"
          · http.response.status_code: 201
          · url.path: "/checkout"
          shop client "GET"
            · http.response.status_code: 200
            · url.path: "/stock/<sku>"
            shop server "GET"
              · http.response.status_code: 200
              · url.path: "/stock/<sku>"
          shop client "GET"
            · http.response.status_code: 200
            · url.path: "/stock/<sku>"
            shop server "GET"
              · http.response.status_code: 200
              · url.path: "/stock/<sku>"
          shop internal "charge card"
            · payment.amount: 42
          shop internal "price cart"
  `);
});

test('a declined card, with the exception event', async () => {
  await fetch(`${shop.url}/checkout`, { method: 'POST', headers: { 'x-card': 'declined' } });
  await expect(traces()).toMatchFileSnapshot('./__snapshots__/declined-card.trace.txt');
});
