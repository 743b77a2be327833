// inventory: answers GET /stock/:item; leaf of the example system.
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { sendJson, serve } from './httpJson.ts';

const tracer = trace.getTracer('inventory');
const stock: Record<string, number> = { book: 3, lamp: 0 };

serve(async (request, response) => {
  const item = request.url?.match(/^\/stock\/([\w-]+)/)?.[1];
  if (!item) return sendJson(response, 404, { error: 'no such route' });
  if (item === 'crash') {
    // The error path of the example: the lookup fails, records the exception and answers 500.
    return tracer.startActiveSpan('inventory.lookup', (span) => {
      const error = new Error('stock database unavailable');
      span.recordException(error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
      span.end();
      sendJson(response, 500, { error: error.message });
    });
  }
  const count = tracer.startActiveSpan('inventory.lookup', (span) => {
    span.setAttribute('inventory.item', item);
    const found = stock[item] ?? 0;
    span.setAttribute('inventory.count', found);
    span.end();
    return found;
  });
  sendJson(response, 200, { item, count });
});
