// The README's quick start, as written there.
import { trace } from '@opentelemetry/api';
import { test } from 'tracespec/vitest';
import { expect } from 'vitest';

async function placeOrder(id: string) {
  const tracer = trace.getTracer('orders');
  await tracer.startActiveSpan('place order', async (span) => {
    span.setAttribute('order.id', id);
    tracer.startSpan('INSERT orders', { attributes: { 'db.system': 'postgresql' } }).end();
    span.end();
  });
}

test('placing an order writes it to the database', async ({ traces }) => {
  await placeOrder('o-1');
  expect(traces).toHaveSpan({ name: 'place order', attributes: { 'order.id': 'o-1' } });
  expect(traces).toHaveSpan({ name: 'INSERT orders', parent: { name: 'place order' } });
});
