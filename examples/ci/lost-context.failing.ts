// This test fails on purpose: it shows what a failure looks like in CI. The orders service does not send trace
// context to inventory (its propagator only extracts), so inventory's spans start a trace of their own and
// toBeConnected names the hop that lost it. With the reporter of examples/ci/vitest.config.ts, the failure leaves
// test-results/traces/examples/ci/lost-context.failing/<test>.html: the message at the top with the spans it marks,
// orders -> inventory in red on the service map, and the waterfall of both traces. `npm run examples` does not run
// it (it is no *.test.ts file); test/browser/exampleReport.test.ts runs it and checks that page in Chromium.
import type { StartedTracedEnvironment } from 'tracespec/containers';
import { type Collector, startCollector } from 'tracespec/otlp';
import { traces } from 'tracespec/vitest';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { exampleSystem } from '../services/system.ts';

const wait = { timeout: 20_000 };
let collector: Collector;
let system: StartedTracedEnvironment;

beforeAll(async () => {
  // The three example services as child processes (no Docker needed), orders with broken propagation.
  collector = await startCollector({ grpc: false });
  system = await exampleSystem({ mode: 'process', exporter: collector, dropPropagation: ['orders'] }).start();
});
afterAll(async () => {
  await system?.stop();
  await collector?.stop();
});

test('a checkout is one connected trace', async () => {
  const response = await fetch(`${system.url('gateway')}/checkout?item=book`);
  expect(response.status).toBe(201);
  // Each service exports on its own timer: wait for the span each one ends last (its server span), so that the
  // traces are whole before they are checked.
  await expect(traces()).toEventuallyHaveSpan({ service: 'gateway', kind: 'server' }, wait);
  await expect(traces()).toEventuallyHaveSpan({ service: 'orders', kind: 'server' }, wait);
  // inventory's spans are not in the test's trace (the context was lost): wait for them among its strays.
  await expect.poll(() => traces().strays(), wait).toHaveSpan({ service: 'inventory', kind: 'server' });

  expect(traces()).toBeConnected();
});
