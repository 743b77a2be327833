// Outbound requests recorded with msw carry the test's trace context.
import { trace } from '@opentelemetry/api';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { recordOutbound } from 'tracespec/msw';
import { afterAll, beforeAll, expect, test } from 'vitest';

const server = setupServer(http.get('http://inventory.test/stock/:sku', () => HttpResponse.json({ inStock: 3 })));
const outbound = recordOutbound(server);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

test('the inventory call carries a W3C traceparent of the test’s trace', async () => {
  await trace.getTracer('shop').startActiveSpan('reserve', async (span) => {
    await fetch('http://inventory.test/stock/apple');
    span.end();
  });
  expect(outbound).toHaveSentRequest('http://inventory.test/stock/apple', { carrying: { format: 'w3c' } });
  expect(outbound.requests[0]).toCarryTraceContext({ format: 'w3c', sampled: true });
});
