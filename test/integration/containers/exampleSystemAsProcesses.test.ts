import { describe, expect, test } from 'vitest';
import { exampleSystem } from '../../../examples/services/system.ts';
import { StartedTracedProcess } from '../../../src/containers/index.ts';
import { isProcessAlive } from '../../../src/containers/isProcessAlive.ts';
import { startCollector } from '../../../src/otlp/index.ts';
import { checkoutWait, completeCheckout, connectedCheckoutGraph } from '../../support/checkout.ts';

// Same services, same API, no Docker: the loop for machines without an engine.
describe('the example system as child processes', () => {
  test('spans of all three processes reach the collector as one connected trace', async () => {
    await using collector = await startCollector({ grpc: false });
    await using system = await exampleSystem({ mode: 'process', exporter: collector }).start();
    expect(system.network).toBeUndefined();
    expect(system.url('gateway')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const response = await fetch(`${system.url('gateway')}/checkout?item=book`);
    expect(response.status).toBe(201);

    const trace = await collector.waitForTrace(completeCheckout, checkoutWait);
    expect(trace.serviceGraph()).toEqual(connectedCheckoutGraph);
    // Each bundle carries tracespec/service and the SDK of the line the suite runs on (the sdk2 project: 2.x).
    const sdk =
      process.env.TRACESPEC_OTEL_LINE === '2' ? '@opentelemetry/sdk-trace@2.12.1' : '@opentelemetry/sdk-trace@3.1.1';
    for (const service of system.services) {
      expect(service.output()).toContain(
        `[tracespec/service] ${service.serviceName}: spans -> ${collector.endpoints.otlpHttp}/v1/traces (OTLP http/protobuf); batch delay 100 ms; SDK ${sdk}; propagators tracecontext,baggage; instrumentations http, undici`,
      );
    }
  });

  test('a process that drops propagation splits the trace at its outgoing call', async () => {
    await using collector = await startCollector({ grpc: false });
    await using system = await exampleSystem({
      mode: 'process',
      exporter: collector,
      dropPropagation: ['gateway'],
    }).start();
    await fetch(`${system.url('gateway')}/checkout?item=book`);

    const upstream = await collector.waitForTrace({ service: 'gateway' }, checkoutWait);
    const downstream = await collector.waitForTrace(completeCheckout, checkoutWait);
    expect(upstream.serviceGraph().services).toEqual(['gateway']);
    expect(downstream.serviceGraph().services).toEqual(['inventory', 'orders']);
  });

  test('stop() waits for the flush, and no service process outlives it', async () => {
    await using collector = await startCollector({ grpc: false });
    const system = await exampleSystem({ mode: 'process', exporter: collector, batchDelayMs: 60_000 }).start();
    const pids = system.services.flatMap((s) => (s instanceof StartedTracedProcess && s.pid ? [s.pid] : []));
    try {
      await fetch(`${system.url('gateway')}/checkout?item=book`);
      expect(collector.store.size).toBe(0);
    } finally {
      await system.stop();
    }

    expect(pids).toHaveLength(3);
    expect(pids.filter(isProcessAlive)).toEqual([]);
    // The exporters got their answer before their processes exited: the spans are already here, no waiting.
    expect(collector.traces().serviceGraph().services).toEqual(['gateway', 'inventory', 'orders']);
  });
});
