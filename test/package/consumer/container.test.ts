// A service in a registry-free container: bundled with tracespec/service (the default set-up) and the
// OpenTelemetry packages this project installed, exporting to the collector through the Docker bridge.
import { fileURLToPath } from 'node:url';
import { hostGatewayAddress, type StartedTracedService, TracedContainer } from 'tracespec/containers';
import { type Collector, startCollector } from 'tracespec/otlp';
import { traces } from 'tracespec/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

describe.skipIf(process.env.CONSUMER_DOCKER !== '1')('a traced container', () => {
  let collector: Collector;
  let orders: StartedTracedService;
  beforeAll(async () => {
    collector = await startCollector({ host: await hostGatewayAddress(), grpc: false });
    orders = await TracedContainer.fromNodeService({
      entry: fileURLToPath(new URL('./services/orders.mjs', import.meta.url)),
    })
      .withServiceName('orders')
      .withPort(3000)
      .withReadyPath('/health')
      .withExporter(collector)
      .start();
  });
  afterAll(async () => {
    await orders?.stop();
    await collector?.stop();
  });

  test('its spans arrive, in the test’s trace, and the readiness probes are left out', async () => {
    await fetch(`${orders.url}/orders`, { method: 'POST' });
    await expect(traces()).toEventuallyHaveSpan({ service: 'orders', kind: 'server' }, { timeout: 20_000 });
    expect(traces()).toPropagate({ from: 'consumer', to: 'orders' });
    expect(collector.store.spans().filter((span) => span.attributes['url.path'] === '/health')).toEqual([]);
    expect(orders.output()).toMatch(
      /\[tracespec\/service\] orders: spans -> http:\/\/host\.docker\.internal:\d+\/v1\/traces/,
    );
  });
});
