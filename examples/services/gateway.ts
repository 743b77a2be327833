// gateway: GET /checkout?item=x, the entry point of the example system; forwards to orders.
import { requestJson, sendJson, serve, serviceUrl } from './httpJson.ts';

const orders = serviceUrl('ORDERS_URL');

serve(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://gateway');
  if (url.pathname !== '/checkout') return sendJson(response, 404, { error: 'no route' });
  const item = url.searchParams.get('item') ?? 'book';
  const order = await requestJson(`${orders}/orders?item=${encodeURIComponent(item)}`, 'POST');
  sendJson(response, order.status, order.body);
});
