import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exampleSystem } from '../../../examples/services/system.ts';
import { hostGatewayAddress } from '../../../src/containers/index.ts';
import { ownedDockerResources } from '../../support/ownedDockerResources.ts';
import { startTraceRecorder, type TraceRecorder } from '../../support/startTraceRecorder.ts';
import { isCompleteCheckout, rootsOf, servicesOf, traceIdsOf } from '../../support/traceShape.ts';

describe('the example system in containers', () => {
  let recorder: TraceRecorder;

  beforeAll(async () => {
    // Listens on the bridge gateway: the address containers reach as host.docker.internal.
    recorder = await startTraceRecorder(await hostGatewayAddress());
  });
  afterAll(() => recorder[Symbol.asyncDispose]());

  test('spans of all three containers reach the host-side receiver as one connected trace', async () => {
    recorder.clear();
    await using system = await exampleSystem({ mode: 'container', exporter: recorder.exporter }).start();
    const response = await fetch(`${system.url('gateway')}/checkout?item=book`);
    expect(response.status).toBe(201);

    const spans = await recorder.waitFor(
      (s) => servicesOf(s).length === 3 && s.some((x) => x.name === 'orders.record'),
    );
    expect(servicesOf(spans)).toEqual(['gateway', 'inventory', 'orders']);
    expect(traceIdsOf(spans)).toHaveLength(1);
    expect(rootsOf(spans)).toEqual(['gateway:GET']);
  });

  test('a service that drops propagation splits the trace at its outgoing call', async () => {
    recorder.clear();
    await using system = await exampleSystem({
      mode: 'container',
      exporter: recorder.exporter,
      dropPropagation: ['orders'],
    }).start();
    await fetch(`${system.url('gateway')}/checkout?item=book`);

    const spans = await recorder.waitFor(
      (s) => servicesOf(s).length === 3 && s.some((x) => x.name === 'orders.record'),
    );
    expect(traceIdsOf(spans)).toHaveLength(2);
    expect(rootsOf(spans).sort()).toEqual(['gateway:GET', 'inventory:GET']);
  });

  test('stop() lets each service flush the spans its batch processor still holds', async () => {
    recorder.clear();
    const system = await exampleSystem({
      mode: 'container',
      exporter: recorder.exporter,
      batchDelayMs: 60_000,
    }).start();
    try {
      await fetch(`${system.url('gateway')}/checkout?item=book`);
      expect(recorder.spans).toHaveLength(0);
    } finally {
      await system.stop();
    }
    // The containers are gone: whatever arrives now was sent by their shutdown flush.
    const spans = await recorder.waitFor((s) => servicesOf(s).length === 3 && s.length >= 6, 5_000);
    expect(traceIdsOf(spans)).toHaveLength(1);
  });

  test('the environment runs on its own network and leaves no container or network behind', async () => {
    const system = await exampleSystem({ mode: 'container', exporter: recorder.exporter }).start();
    const during = await ownedDockerResources();
    await system.stop();
    expect(during.containers).toHaveLength(3);
    expect(during.networks).toHaveLength(1);
    expect(system.network).toMatch(/^tracespec-/);
    expect(await ownedDockerResources()).toEqual({ containers: [], networks: [] });
  });
});
