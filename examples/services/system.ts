// The example system, gateway -> orders -> inventory, as one traced environment: in Docker containers built
// without a registry, or as child processes of the test.
import { fileURLToPath } from 'node:url';
import type { ExporterTarget, NodeService, TracedServiceBuilder } from 'tracespec/containers';
import { TracedContainer, TracedEnvironment, TracedProcess } from 'tracespec/containers';

/** Names of the example services. */
export type ExampleServiceName = 'gateway' | 'orders' | 'inventory';

/** How {@link exampleSystem} runs the services. */
export interface ExampleSystemOptions {
  readonly mode: 'container' | 'process';
  readonly exporter: ExporterTarget;
  /** Services that strip `traceparent` from their outgoing calls (the broken-propagation scenario). */
  readonly dropPropagation?: readonly ExampleServiceName[];
  /** `OTEL_BSP_SCHEDULE_DELAY` of every service (tracespec's default: 100 ms). */
  readonly batchDelayMs?: number;
}

const source = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** The source file of one example service; its OpenTelemetry set-up is tracespec/service (the default). */
export function exampleService(name: ExampleServiceName): NodeService {
  return { entry: source(`./${name}.ts`) };
}

const links: Record<ExampleServiceName, readonly [variable: string, target: ExampleServiceName][]> = {
  gateway: [['ORDERS_URL', 'orders']],
  orders: [['INVENTORY_URL', 'inventory']],
  inventory: [],
};

/**
 * The three example services as a {@link TracedEnvironment}, not started yet.
 *
 * @example
 * await using system = await exampleSystem({ mode: 'container', exporter: collector }).start();
 * await fetch(`${system.url('gateway')}/checkout?item=book`);
 */
export function exampleSystem(options: ExampleSystemOptions): TracedEnvironment {
  const environment = new TracedEnvironment().withExporter(options.exporter);
  for (const name of ['gateway', 'orders', 'inventory'] as const) {
    const service: TracedServiceBuilder =
      options.mode === 'container'
        ? TracedContainer.fromNodeService(exampleService(name)).withPort(3000)
        : TracedProcess.fromNodeService(exampleService(name));
    service.withServiceName(name).withReadyPath('/health').withFlushTimeout(3_000);
    for (const [variable, target] of links[name]) service.withLink(variable, target);
    if (options.batchDelayMs !== undefined) service.withBatchDelay(options.batchDelayMs);
    if (options.dropPropagation?.includes(name)) service.withEnvironment({ DROP_TRACE_PROPAGATION: '1' });
    environment.withService(service);
  }
  return environment;
}
