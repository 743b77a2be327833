import { randomUUID } from 'node:crypto';
import type { DockerEngine } from './DockerEngine.ts';
import { defaultDockerEngine } from './defaultDockerEngine.ts';
import type { ExporterTarget } from './ExporterTarget.ts';
import { freePort } from './freePort.ts';
import { ownerLabels } from './labels.ts';
import { removeLeftoversOnce } from './removeLeftovers.ts';
import { StartedTracedEnvironment } from './StartedTracedEnvironment.ts';
import type { StartedTracedService } from './StartedTracedService.ts';
import { TracedContainer } from './TracedContainer.ts';
import { TracedProcess } from './TracedProcess.ts';
import type { TracedServiceBuilder } from './TracedServiceBuilder.ts';
import { untraced } from './untraced.ts';

/**
 * Several traced services started together and torn down as one. Containers share a new Docker network on which
 * each is reachable by its service name; child processes get free ports on 127.0.0.1. `withLink()` on a service
 * resolves to the other service's URL either way, so every service starts in parallel. If any service fails to
 * start, the ones already running are stopped and the network removed before the error is rethrown.
 *
 * @example
 * await using system = await new TracedEnvironment()
 *   .withExporter(collector)
 *   .withService(TracedContainer.fromNodeService(gateway).withServiceName('gateway').withPort(3000).withLink('ORDERS_URL', 'orders'))
 *   .withService(TracedContainer.fromNodeService(orders).withServiceName('orders').withPort(3000))
 *   .start();
 * await fetch(`${system.url('gateway')}/checkout`);
 */
export class TracedEnvironment {
  readonly #services: TracedServiceBuilder[] = [];
  #exporter: ExporterTarget | undefined;

  /** Adds a service ({@link TracedContainer} or {@link TracedProcess}; all of one kind). */
  withService(service: TracedServiceBuilder): this {
    this.#services.push(service);
    return this;
  }

  /** Exporter target for every service that has none of its own. */
  withExporter(exporter: ExporterTarget): this {
    this.#exporter = exporter;
    return this;
  }

  /** Starts every service in parallel (with tracing suppressed: starting is tracespec's plumbing, not the system's). */
  start(engine?: DockerEngine): Promise<StartedTracedEnvironment> {
    return untraced(() => this.#start(engine));
  }

  async #start(engine?: DockerEngine): Promise<StartedTracedEnvironment> {
    const names = this.#services.map((service) => service.settings.serviceName);
    if (names.length === 0)
      throw new Error('[tracespec] TracedEnvironment has no service; add one with withService().');
    const missing = names.indexOf(undefined);
    if (missing >= 0)
      throw new Error(`[tracespec] service #${missing + 1} of the environment has no withServiceName().`);
    const duplicate = names.find((name, index) => names.indexOf(name) !== index);
    if (duplicate)
      throw new Error(`[tracespec] two services of the environment are named "${duplicate}"; names must be unique.`);
    const containers = this.#services.every((service) => service instanceof TracedContainer);
    if (!containers && !this.#services.every((service) => service instanceof TracedProcess)) {
      throw new Error('[tracespec] a TracedEnvironment runs either containers or processes, not both; pick one kind.');
    }
    for (const service of this.#services) {
      if (this.#exporter && !service.settings.exporter) service.withExporter(this.#exporter);
    }
    return containers ? this.#startContainers(engine ?? (await defaultDockerEngine())) : this.#startProcesses();
  }

  async #startContainers(engine: DockerEngine): Promise<StartedTracedEnvironment> {
    await removeLeftoversOnce();
    const network = `tracespec-${randomUUID().slice(0, 12)}`;
    const networkId = await engine.createNetwork(network, ownerLabels('network'));
    const serviceUrls = Object.fromEntries(
      this.#services.map((s) => [s.settings.serviceName, `http://${s.settings.serviceName}:${s.settings.port}`]),
    );
    const removeNetwork = () => engine.removeNetwork(networkId);
    return this.#launchAll({ serviceUrls, network }, removeNetwork, network);
  }

  async #startProcesses(): Promise<StartedTracedEnvironment> {
    // Ports are chosen before anything starts so that links are known up front and all start at once.
    for (const service of this.#services) if (service.settings.port === 0) service.withPort(await freePort());
    const serviceUrls = Object.fromEntries(
      this.#services.map((s) => [s.settings.serviceName, `http://127.0.0.1:${s.settings.port}`]),
    );
    return this.#launchAll({ serviceUrls }, async () => {}, undefined);
  }

  async #launchAll(
    context: { serviceUrls: Record<string, string>; network?: string },
    release: () => Promise<void>,
    network: string | undefined,
  ): Promise<StartedTracedEnvironment> {
    const outcomes = await Promise.allSettled(this.#services.map((service) => service.launch(context)));
    const started = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as Error] : []));
    if (failures.length > 0) {
      await Promise.allSettled(started.map((service: StartedTracedService) => service.stop()));
      await release();
      throw new AggregateError(
        failures,
        `[tracespec] the environment did not start (${failures.length} of ${outcomes.length} services failed):\n` +
          failures.map((failure) => failure.message).join('\n\n'),
      );
    }
    return new StartedTracedEnvironment(started, network, release);
  }
}
