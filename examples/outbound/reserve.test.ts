import { trace } from '@opentelemetry/api';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { recordOutbound } from 'tracespec/msw';
import { traces } from 'tracespec/vitest';
import { afterAll, beforeAll, expect, test } from 'vitest';

// The callees are mocked with msw; tracespec records what each outbound request carried.
const server = setupServer(
  http.get('http://inventory.test/stock/:sku', ({ params }) => HttpResponse.json({ sku: params.sku, inStock: 3 })),
  http.post('https://analytics.partner.test/collect', () => new HttpResponse(null, { status: 204 })),
);
const outbound = recordOutbound(server);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

/** The code under test: reserves stock, then reports to an analytics partner. */
async function reserve(sku: string): Promise<{ inStock: number }> {
  return trace.getTracer('orders').startActiveSpan('reserve', async (span) => {
    try {
      const stock = (await (await fetch(`http://inventory.test/stock/${sku}`)).json()) as { inStock: number };
      await fetch('https://analytics.partner.test/collect', { method: 'POST', body: JSON.stringify({ sku }) });
      return stock;
    } finally {
      span.end();
    }
  });
}

test('the inventory call carries our trace context; the analytics partner gets none', async () => {
  expect(await reserve('apple')).toMatchObject({ inStock: 3 });
  expect(outbound).toHaveSentRequest('http://inventory.test/stock/apple', {
    method: 'GET',
    carrying: { format: 'w3c' },
  });
  expect(outbound).not.toPropagateTo(/partner\.test$/);
  // The request's traceparent names the CLIENT span that sent it, in this test's trace.
  const stockRequest = outbound.requests.find((request) => request.host === 'inventory.test');
  expect(stockRequest).toCarryTraceContext({ format: 'w3c', sampled: true });
  expect(traces()).toHaveSpan({ kind: 'client', attributes: { 'url.full': 'http://inventory.test/stock/apple' } });
});
