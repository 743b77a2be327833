// orders: POST /orders?item=x asks inventory, answers, then records the order in a background step that runs in
// the request's trace after the response was sent.
import { context, trace } from '@opentelemetry/api';
import { requestJson, sendJson, serve, serviceUrl } from './httpJson.ts';

const tracer = trace.getTracer('orders');
const inventory = serviceUrl('INVENTORY_URL');

function recordInBackground(item: string): void {
  const parent = context.active();
  setTimeout(() => {
    tracer.startActiveSpan('orders.record', {}, parent, (span) => {
      span.setAttribute('order.item', item);
      span.end();
    });
  }, 20);
}

serve(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://orders');
  if (request.method !== 'POST' || url.pathname !== '/orders') return sendJson(response, 404, { error: 'no route' });
  const item = url.searchParams.get('item') ?? 'book';
  const stock = await requestJson(`${inventory}/stock/${encodeURIComponent(item)}`);
  if (stock.status >= 500) return sendJson(response, 502, { error: 'inventory failed' });
  const count = (stock.body as { count?: number } | null)?.count ?? 0;
  if (count <= 0) return sendJson(response, 409, { error: `${item} is out of stock` });
  recordInBackground(item);
  sendJson(response, 201, { item, status: 'accepted' });
});
