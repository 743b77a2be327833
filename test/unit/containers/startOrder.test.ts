import { describe, expect, test } from 'vitest';
import { startOrder } from '../../../src/containers/startOrder.ts';

describe('startOrder', () => {
  test('each service starts after the services it links to; independent ones together', () => {
    expect(startOrder({ gateway: ['orders', 'payments'], orders: ['inventory'], payments: [], inventory: [] })).toEqual(
      [['payments', 'inventory'], ['orders'], ['gateway']],
    );
  });

  test('a link to itself does not hold a service back', () => {
    expect(startOrder({ a: ['a'] })).toEqual([['a']]);
  });

  test('a cycle is an error that names it', () => {
    expect(() => startOrder({ gateway: ['orders'], orders: ['inventory'], inventory: ['orders'] })).toThrow(
      '[tracespec] the services link to each other in a cycle (orders -> inventory -> orders)',
    );
  });
});
