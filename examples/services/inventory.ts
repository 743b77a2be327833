// inventory: answers GET /stock/:item; leaf of the example system.
import { trace } from '@opentelemetry/api';
import { sendJson, serve } from './httpJson.ts';

const tracer = trace.getTracer('inventory');
const stock: Record<string, number> = { book: 3, lamp: 0 };

serve(async (request, response) => {
  const item = request.url?.match(/^\/stock\/([\w-]+)/)?.[1];
  if (!item) return sendJson(response, 404, { error: 'no such route' });
  const count = tracer.startActiveSpan('inventory.lookup', (span) => {
    span.setAttribute('inventory.item', item);
    const found = stock[item] ?? 0;
    span.setAttribute('inventory.count', found);
    span.end();
    return found;
  });
  sendJson(response, 200, { item, count });
});
