import { deep, span, traces } from 'tracespec/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Shop, startShop } from './startShop.ts';

let shop: Shop;
beforeAll(async () => {
  shop = await startShop();
});
afterAll(() => shop.close());

describe('selectors and tree shapes (in-process example)', () => {
  test('selectors find the stock look-ups the checkout made', async () => {
    await fetch(`${shop.url}/checkout`, { method: 'POST' });

    // The inventory's server spans, two levels below the checkout's server span.
    const lookups = traces().find('[kind=server][url.path=/checkout] > [kind=client] > [kind=server]');
    expect(lookups.map((found) => found.attributes['url.path']).sort()).toEqual(['/stock/apple', '/stock/pear']);
    expect(traces()).toHaveSpan('[kind=server][url.path^=/stock/]', { times: 2 });
    expect(traces()).toHaveSpan({ name: 'charge card', parent: '[kind=server][url.path=/checkout]' });
    expect(traces().findOne('"charge card"')).toHaveAttributes({ 'payment.amount': 42 });
    expect(traces()).not.toHaveSpan(':error');
  });

  test('the checkout request has the expected shape', async () => {
    await fetch(`${shop.url}/checkout`, { method: 'POST' });

    // Children in any order: the broad look-up node cannot take the pear look-up the narrow node needs.
    expect(traces()).toHaveSpanTree(
      span({ kind: 'server', attributes: { 'url.path': '/checkout' } }, [
        span({ kind: 'client' }, [span({ selector: '[kind=server][url.path^=/stock/]' })]),
        span({ kind: 'client' }, [span({ selector: '[kind=server][url.path="/stock/pear"]' })]),
        span('price cart'),
        span('charge card'),
      ]),
    );
    // The whole trace, from the test's own client span down, and nothing else.
    expect(traces()).toHaveSpanTree(
      span({ kind: 'client' }, [
        span({ kind: 'server' }, [
          span('price cart'),
          span('charge card'),
          deep({ selector: '[url.path="/stock/apple"][kind=server]' }),
          deep({ selector: '[url.path="/stock/pear"][kind=server]' }),
        ]),
      ]),
      { mode: 'exact' },
    );
  });
});
