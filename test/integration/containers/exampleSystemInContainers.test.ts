import { expect, test } from 'vitest';
import { exampleSystem } from '../../../examples/services/system.ts';
import { hostGatewayAddress } from '../../../src/containers/index.ts';
import { startCollector } from '../../../src/otlp/index.ts';
import { checkoutWait, completeCheckout, connectedCheckoutGraph } from '../../support/checkout.ts';
import { describeWithDocker } from '../../support/docker.ts';
import { ownedDockerResources } from '../../support/ownedDockerResources.ts';

// The collector listens on the bridge gateway: the address containers reach as host.docker.internal.
const startHostCollector = async () => startCollector({ host: await hostGatewayAddress(), grpc: false });

describeWithDocker('the example system in containers', () => {
  test("spans of all three containers reach the host's collector as one connected trace", async () => {
    await using collector = await startHostCollector();
    await using system = await exampleSystem({ mode: 'container', exporter: collector }).start();
    const response = await fetch(`${system.url('gateway')}/checkout?item=book`);
    expect(response.status).toBe(201);

    const trace = await collector.waitForTrace(completeCheckout, checkoutWait);
    expect(trace.serviceGraph()).toEqual(connectedCheckoutGraph);
    expect(trace.root?.service).toBe('gateway');
  });

  test('a service that drops propagation splits the trace at its outgoing call', async () => {
    await using collector = await startHostCollector();
    await using system = await exampleSystem({
      mode: 'container',
      exporter: collector,
      dropPropagation: ['orders'],
    }).start();
    await fetch(`${system.url('gateway')}/checkout?item=book`);

    // Each service exports on its own timer: wait for the orders part too, not only for a quiet gateway trace.
    const upstream = await collector.waitForTrace(
      (trace) => trace.root?.service === 'gateway' && trace.spans.some((span) => span.name === 'orders.record'),
      checkoutWait,
    );
    const downstream = await collector.waitForTrace({ service: 'inventory' }, checkoutWait);
    expect(upstream.serviceGraph().services).toEqual(['gateway', 'orders']);
    expect(downstream.serviceGraph().services).toEqual(['inventory']);
    expect(downstream.traceId).not.toBe(upstream.traceId);
  });

  test('stop() lets each service flush the spans its batch processor still holds', async () => {
    await using collector = await startHostCollector();
    const system = await exampleSystem({ mode: 'container', exporter: collector, batchDelayMs: 60_000 }).start();
    try {
      await fetch(`${system.url('gateway')}/checkout?item=book`);
      expect(collector.store.size).toBe(0);
    } finally {
      await system.stop();
    }
    // The containers are gone: whatever arrives now was sent by their shutdown flush.
    const trace = await collector.waitForTrace({ service: 'inventory' }, checkoutWait);
    expect(trace.serviceGraph().services).toEqual(['gateway', 'inventory', 'orders']);
  });

  test('the environment runs on its own network and leaves no container or network behind', async () => {
    await using collector = await startHostCollector();
    const system = await exampleSystem({ mode: 'container', exporter: collector }).start();
    const during = await ownedDockerResources();
    await system.stop();
    expect(during.containers).toHaveLength(3);
    expect(during.networks).toHaveLength(1);
    expect(system.network).toMatch(/^tracespec-/);
    expect(await ownedDockerResources()).toEqual({ containers: [], networks: [] });
  });
});
