import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpanStatusCode, trace } from '@opentelemetry/api';

/** A running example shop: a checkout server that calls an inventory server over HTTP. */
export interface Shop {
  readonly url: string;
  /** Makes the inventory answer 503 for the next requests. */
  failInventory(fail: boolean): void;
  close(): Promise<void>;
}

const tracer = trace.getTracer('shop');

/** Starts the two servers on random loopback ports. */
export async function startShop(): Promise<Shop> {
  let inventoryDown = false;
  const inventory = createServer((req, res) => {
    if (inventoryDown) {
      res.writeHead(503).end('inventory is down');
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ sku: req.url?.split('/').pop(), inStock: 3 }));
  });
  const inventoryUrl = await listen(inventory);

  const checkout = createServer(async (req, res) => {
    const items = ['apple', 'pear'];
    const stock = await Promise.all(items.map((sku) => fetch(`${inventoryUrl}/stock/${sku}`)));
    if (stock.some((response) => !response.ok)) {
      res.writeHead(502).end('inventory unavailable');
      return;
    }
    // A unit of in-process work, traced by hand: pricing the cart.
    tracer.startActiveSpan('price cart', (span) => {
      span.setAttribute('cart.items', items.length);
      span.end();
    });
    await tracer.startActiveSpan('charge card', async (span) => {
      try {
        if (req.headers['x-card'] === 'declined') throw new Error('card declined');
        span.setAttribute('payment.amount', 42);
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        res.writeHead(402).end('payment failed');
        return;
      } finally {
        span.end();
      }
      res.writeHead(201).end('ordered');
    });
  });
  const url = await listen(checkout);

  return {
    url,
    failInventory: (fail) => {
      inventoryDown = fail;
    },
    close: async () => {
      checkout.close();
      inventory.close();
      await Promise.all([once(checkout, 'close'), once(inventory, 'close')]);
    },
  };
}

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
