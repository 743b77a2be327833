import { scrypt } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, defaultTextMapGetter, defaultTextMapSetter, SpanKind, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { fromReadableSpan, TraceSet } from 'tracespec';

/** How the checkout handler makes its three downstream calls. */
export type CallMode = 'sequential' | 'parallel';

const PATHS = ['/stock', '/price', '/shipping'];
const propagator = new W3CTraceContextPropagator();

/**
 * Two real HTTP servers on 127.0.0.1: `checkout`, whose handler calls `inventory` three times (one by one, or
 * all at once), and `inventory`. Spans are created by hand around each real request and response, with their
 * own providers (one per service, so each has its own resource) and an in-memory exporter: no global state.
 */
export async function startCheckoutScenario(): Promise<{
  checkout: (mode: CallMode) => Promise<TraceSet>;
  close: () => Promise<void>;
}> {
  const exporter = new InMemorySpanExporter();
  const tracer = (service: string) =>
    new TracerProvider({
      resource: resourceFromAttributes({ 'service.name': service }),
      spanProcessors: [new SimpleSpanProcessor({ exporter })],
    }).getTracer('checkout-scenario');
  const checkoutTracer = tracer('checkout');
  const inventoryTracer = tracer('inventory');

  const inventory = createServer((req, res) => {
    const parent = propagator.extract(context.active(), req.headers, defaultTextMapGetter);
    const span = inventoryTracer.startSpan(`GET ${req.url}`, { kind: SpanKind.SERVER }, parent);
    req.resume();
    req.on('end', () => {
      // Real work that takes a few milliseconds (more than the SDK's 1ms start resolution), no timer.
      scrypt(req.url ?? '', 'inventory', 32, { N: 2 ** 12 }, (error, key) => {
        span.end();
        res.end(JSON.stringify({ path: req.url, ok: !error, key: key?.toString('hex') }));
      });
    });
  });
  const inventoryUrl = await listen(inventory);

  const call = async (path: string, parentContext: ReturnType<typeof context.active>) => {
    const span = checkoutTracer.startSpan(`GET ${path}`, { kind: SpanKind.CLIENT }, parentContext);
    const headers: Record<string, string> = {};
    propagator.inject(trace.setSpan(parentContext, span), headers, defaultTextMapSetter);
    try {
      return await get(`${inventoryUrl}${path}`, headers);
    } finally {
      span.end();
    }
  };

  const checkout = createServer((req: IncomingMessage, res: ServerResponse) => {
    const mode = new URL(req.url ?? '/', 'http://localhost').searchParams.get('mode') as CallMode;
    const span = checkoutTracer.startSpan('POST /checkout', { kind: SpanKind.SERVER });
    const ctx = trace.setSpan(context.active(), span);
    const work =
      mode === 'parallel'
        ? Promise.all(PATHS.map((path) => call(path, ctx)))
        : (async () => {
            const results: string[] = [];
            for (const path of PATHS) results.push(await call(path, ctx));
            return results;
          })();
    work.then(
      (results) => {
        span.end(); // before answering, so every span is exported when the client has the answer
        res.end(JSON.stringify(results));
      },
      (error: unknown) => {
        span.end();
        res.statusCode = 500;
        res.end(String(error));
      },
    );
  });
  const checkoutUrl = await listen(checkout);

  return {
    checkout: async (mode) => {
      exporter.reset();
      const answer = JSON.parse(await get(`${checkoutUrl}/checkout?mode=${mode}`, {})) as unknown[];
      if (answer.length !== PATHS.length) throw new Error(`checkout answered ${JSON.stringify(answer)}`);
      return TraceSet.fromSpans(exporter.getFinishedSpans().map((span) => fromReadableSpan(span)));
    },
    close: async () => {
      await Promise.all([close(checkout), close(inventory)]);
    },
  };
}

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

function get(url: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
