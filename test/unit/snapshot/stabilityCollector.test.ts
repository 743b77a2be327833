import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultTextMapGetter, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { renderSnapshot } from 'tracespec';
import { type Collector, startCollector } from 'tracespec/otlp';
import { setupTracing, snapshotOf, traces } from 'tracespec/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// The checkout runs in the test process (in-process spans); the three services it calls report their spans over
// OTLP/HTTP JSON to the embedded collector, which puts them in the same trace, owned by the test.
setupTracing({ serviceName: 'shop', instrumentations: [new UndiciInstrumentation()] });

const SERVICES = ['stock', 'price', 'shipping'] as const;
type Service = (typeof SERVICES)[number];
const propagator = new W3CTraceContextPropagator();

interface Round {
  readonly arrived: Set<Service>;
  readonly gates: Map<Service, () => void>;
  readonly finished: Service[];
  onChange: () => void;
}

let round: Round | undefined;
let collector: Collector;
const servers: http.Server[] = [];
const providers: TracerProvider[] = [];
const urls = new Map<Service, string>();

beforeAll(async () => {
  collector = await startCollector({ grpc: false });
  for (const service of SERVICES) {
    const provider = new TracerProvider({
      resource: resourceFromAttributes({ 'service.name': service }),
      spanProcessors: [
        new SimpleSpanProcessor({
          exporter: new OTLPTraceExporter({ url: `${collector.endpoints.otlpHttp}/v1/traces` }),
        }),
      ],
    });
    providers.push(provider);
    const tracer = provider.getTracer(service);
    const server = http.createServer(async (req, res) => {
      const parent = propagator.extract(ROOT_CONTEXT, req.headers, defaultTextMapGetter);
      const span = tracer.startSpan(
        `GET /${service}`,
        { kind: SpanKind.SERVER, attributes: { 'http.route': `/${service}` } },
        parent,
      );
      const current = round as Round;
      await new Promise<void>((resolve) => {
        current.gates.set(service, resolve);
        current.arrived.add(service);
        current.onChange();
      });
      tracer
        .startSpan(
          `SELECT ${service}`,
          { kind: SpanKind.CLIENT, attributes: { 'db.system': 'postgresql' } },
          trace.setSpan(parent, span),
        )
        .end();
      span.end();
      res.end(service);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    servers.push(server);
    urls.set(service, `http://127.0.0.1:${(server.address() as AddressInfo).port}/${service}`);
  }
});

afterAll(async () => {
  for (const server of servers) server.close();
  await Promise.all(providers.map((provider) => provider.shutdown()));
  await collector.stop();
});

function until(condition: () => boolean): Promise<void> {
  const current = round as Round;
  return new Promise((resolve) => {
    const check = () => {
      if (condition()) resolve();
    };
    current.onChange = check;
    check();
  });
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

const ORDERS = permutations(SERVICES);
const RUNS = 20;
const SPANS = 1 + 3 * SERVICES.length;
const renderings: string[] = [];
const finishOrders = new Set<string>();

describe('through the collector: the snapshot is byte-identical whatever order calls finish and spans arrive in', () => {
  test.for(Array.from({ length: RUNS }, (_, i) => i))('run %i', async (i) => {
    const finishOrder = ORDERS[i % ORDERS.length] as Service[];
    const startOrder = ORDERS[(i * 5 + 1) % ORDERS.length] as Service[];
    round = { arrived: new Set(), gates: new Map(), finished: [], onChange: () => {} };
    const current = round;
    const tracer = trace.getTracer('shop');
    const checkout = tracer.startActiveSpan('checkout', async (span) => {
      await Promise.all(
        startOrder.map(async (service) => {
          await (await fetch(urls.get(service) as string)).text();
          current.finished.push(service);
          current.onChange();
        }),
      );
      span.end();
    });
    await until(() => current.arrived.size === SERVICES.length);
    for (const [n, service] of finishOrder.entries()) {
      current.gates.get(service)?.();
      await until(() => current.finished.length === n + 1);
    }
    await checkout;
    expect(current.finished).toEqual(finishOrder);
    finishOrders.add(current.finished.join(','));

    await expect.poll(() => traces().spans.length, { timeout: 5000 }).toBe(SPANS);
    expect(new Set(traces().spans.map((span) => span.source))).toEqual(new Set(['in-process', 'otlp-http']));
    renderings.push(renderSnapshot(snapshotOf(traces())));
    await expect(traces()).toMatchFileSnapshot('./__snapshots__/collector-checkout.trace.txt');
  });

  test('every run finished the calls in another order and printed the same bytes', () => {
    expect(renderings).toHaveLength(RUNS);
    expect(finishOrders.size).toBe(ORDERS.length);
    expect(new Set(renderings).size).toBe(1);
  });
});
