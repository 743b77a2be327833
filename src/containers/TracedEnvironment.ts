import { randomUUID } from 'node:crypto';
import { installedTracing } from '../capture/tracingSlot.ts';
import type { WireRecord } from '../model/WireRecord.ts';
import { removeLeftoversOnce } from './cleanup/removeLeftovers.ts';
import type { DockerEngine } from './DockerEngine.ts';
import { defaultDockerEngine } from './defaultDockerEngine.ts';
import type { ExporterTarget } from './ExporterTarget.ts';
import { freePort } from './freePort.ts';
import { HOST_FROM_CONTAINER, hostGatewayAddress } from './hostGatewayAddress.ts';
import { ownerLabels } from './labels.ts';
import { StartedTracedEnvironment } from './StartedTracedEnvironment.ts';
import type { StartedTracedService } from './StartedTracedService.ts';
import { startOrder } from './startOrder.ts';
import { TracedContainer } from './TracedContainer.ts';
import { TracedProcess } from './TracedProcess.ts';
import type { LaunchContext, TracedServiceBuilder } from './TracedServiceBuilder.ts';
import { startTap, type Tap } from './tap/startTap.ts';
import { untraced } from './untraced.ts';

/** A recording tap on one link, and whom it connects. */
interface LinkTap {
  readonly from: string;
  readonly to: string;
  readonly variable: string;
  readonly tap: Tap;
}

/** Where the services of one environment run and how they reach each other. */
interface Placement {
  /** Each service's URL as the others reach it directly. */
  readonly serviceUrls: Record<string, string>;
  /** Address the taps listen on, and the host name callers use for it. */
  readonly tapHost: string;
  readonly tapHostForCallers: string;
  readonly network?: string;
  readonly release: () => Promise<void>;
}

/**
 * Several traced services started together and torn down as one. Containers share a new Docker network on which
 * each is reachable by its service name; child processes get free ports on 127.0.0.1. `withLink()` on a service
 * resolves to the other service's URL either way.
 *
 * Every link goes through a **recording tap** by default: a small proxy in the test process that forwards each
 * request unchanged (HTTP/1.1 and HTTP/2 cleartext, bodies streamed) and records the trace context it carried. The
 * records (`hops()`, and in the collector's store for the matchers) let `toBeConnected` and `toPropagate` say which
 * side lost the context instead of guessing. `withLink(..., { tap: false })` or `withTaps(false)` turn it off.
 *
 * Services start in waves, each after the services it links to are ready. If any service fails to start, the ones
 * already running are stopped, the taps closed and the network removed before the error is rethrown.
 *
 * @example
 * await using system = await new TracedEnvironment()
 *   .withExporter(collector)
 *   .withService(TracedContainer.fromNodeService(gateway).withServiceName('gateway').withPort(3000).withLink('ORDERS_URL', 'orders'))
 *   .withService(TracedContainer.fromNodeService(orders).withServiceName('orders').withPort(3000))
 *   .start();
 * await fetch(`${system.url('gateway')}/checkout`);
 * system.hops(); // [{ from: 'gateway', to: 'orders', method: 'POST', headers: { traceparent: '00-…' }, … }]
 */
export class TracedEnvironment {
  readonly #services: TracedServiceBuilder[] = [];
  #exporter: ExporterTarget | undefined;
  #taps = true;

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

  /** Recording taps on the links between services: on by default; `false` links every service directly. */
  withTaps(enabled: boolean): this {
    this.#taps = enabled;
    return this;
  }

  /** Starts the services (with tracing suppressed: starting is tracespec's plumbing, not the system's). */
  start(engine?: DockerEngine): Promise<StartedTracedEnvironment> {
    return untraced(() => this.#start(engine));
  }

  async #start(engine?: DockerEngine): Promise<StartedTracedEnvironment> {
    const names = this.#checkedNames();
    const containers = this.#services.every((service) => service instanceof TracedContainer);
    if (!containers && !this.#services.every((service) => service instanceof TracedProcess)) {
      throw new Error('[tracespec] a TracedEnvironment runs either containers or processes, not both; pick one kind.');
    }
    for (const service of this.#services) {
      if (this.#exporter && !service.settings.exporter) service.withExporter(this.#exporter);
    }
    const waves = startOrder(
      Object.fromEntries(
        this.#services.map((service) => [
          service.settings.serviceName as string,
          Object.values(service.settings.links),
        ]),
      ),
    );
    // Every image is built (or found) at once, while the network is made, rather than wave after wave; a failed
    // build is reported by its service's launch, in its wave.
    const images = Promise.allSettled(
      containers ? this.#services.map((service) => (service as TracedContainer).prepareImage()) : [],
    );
    const placement = containers
      ? await this.#placeContainers(engine ?? (await defaultDockerEngine()))
      : await this.#placeProcesses();
    const taps: LinkTap[] = [];
    const started: StartedTracedService[] = [];
    const release = async () => {
      await Promise.allSettled(started.map((service) => service.stop()));
      await Promise.allSettled(taps.map(({ tap }) => tap.close()));
      await placement.release();
    };
    try {
      await images;
      taps.push(...(await this.#startTaps(placement)));
      if (!containers) for (const link of taps) link.tap.forwardTo(new URL(placement.serviceUrls[link.to] as string));
      const byName = new Map(this.#services.map((service) => [service.settings.serviceName as string, service]));
      for (const wave of waves) {
        const outcomes = await Promise.allSettled(
          wave.map((name) =>
            (byName.get(name) as TracedServiceBuilder).launch(this.#launchContext(name, placement, taps)),
          ),
        );
        for (const outcome of outcomes) if (outcome.status === 'fulfilled') started.push(outcome.value);
        const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as Error] : []));
        if (failures.length > 0) {
          const waiting = names.filter((name) => !wave.includes(name) && !started.some((s) => s.serviceName === name));
          throw new AggregateError(
            failures,
            `[tracespec] the environment did not start (${failures.length} of ${names.length} services failed${
              waiting.length > 0 ? `; not started because they link to it: ${waiting.join(', ')}` : ''
            }):\n${failures.map((failure) => failure.message).join('\n\n')}`,
          );
        }
        // The taps in front of the services just started can forward now (containers: through the mapped port).
        for (const service of started) {
          for (const link of taps) if (link.to === service.serviceName) link.tap.forwardTo(new URL(service.url));
        }
      }
    } catch (error) {
      await release();
      throw error;
    }
    const order = new Map(names.map((name, index) => [name, index]));
    started.sort((a, b) => (order.get(a.serviceName) ?? 0) - (order.get(b.serviceName) ?? 0));
    return new StartedTracedEnvironment(started, placement.network, release, () => wireRecords(taps));
  }

  #checkedNames(): string[] {
    const names = this.#services.map((service) => service.settings.serviceName);
    if (names.length === 0)
      throw new Error('[tracespec] TracedEnvironment has no service; add one with withService().');
    const missing = names.indexOf(undefined);
    if (missing >= 0)
      throw new Error(`[tracespec] service #${missing + 1} of the environment has no withServiceName().`);
    const duplicate = names.find((name, index) => names.indexOf(name) !== index);
    if (duplicate)
      throw new Error(`[tracespec] two services of the environment are named "${duplicate}"; names must be unique.`);
    return names as string[];
  }

  async #placeContainers(engine: DockerEngine): Promise<Placement> {
    await removeLeftoversOnce();
    const network = `tracespec-${randomUUID().slice(0, 12)}`;
    const networkId = await engine.createNetwork(network, ownerLabels('network'));
    const serviceUrls = Object.fromEntries(
      this.#services.map((s) => [s.settings.serviceName, `http://${s.settings.serviceName}:${s.settings.port}`]),
    );
    // Containers reach the taps in the test process the way they reach the collector: through the bridge gateway.
    const tapHost = this.#needsTaps() ? await hostGatewayAddress(engine) : '127.0.0.1';
    return {
      serviceUrls,
      network,
      tapHost,
      tapHostForCallers: HOST_FROM_CONTAINER,
      release: () => engine.removeNetwork(networkId),
    };
  }

  async #placeProcesses(): Promise<Placement> {
    // Ports are chosen before anything starts so that every link is known up front.
    for (const service of this.#services) if (service.settings.port === 0) service.withPort(await freePort());
    const serviceUrls = Object.fromEntries(
      this.#services.map((s) => [s.settings.serviceName, `http://127.0.0.1:${s.settings.port}`]),
    );
    return { serviceUrls, tapHost: '127.0.0.1', tapHostForCallers: '127.0.0.1', release: async () => {} };
  }

  #needsTaps(): boolean {
    return this.#taps && this.#services.some((service) => tappedLinks(service).length > 0);
  }

  async #startTaps(placement: Placement): Promise<LinkTap[]> {
    if (!this.#taps) return [];
    const store = wireStore(this.#exporter);
    const links = this.#services.flatMap((service) =>
      tappedLinks(service).map(([variable, to]) => ({ from: service.settings.serviceName as string, to, variable })),
    );
    const reads = new Map(
      this.#services.map((service) => [
        service.settings.serviceName,
        formatsRead(service.settings.environment, service.setUpByTracespec),
      ]),
    );
    return Promise.all(
      links.map(async (link) => ({
        ...link,
        tap: await startTap({
          from: link.from,
          to: link.to,
          host: placement.tapHost,
          onRecord: (record) => store?.addWire(record),
          ...(reads.get(link.to) ? { calleeReads: reads.get(link.to) } : {}),
        }),
      })),
    );
  }

  #launchContext(name: string, placement: Placement, taps: readonly LinkTap[]): LaunchContext {
    const linkUrls = Object.fromEntries(
      taps
        .filter((link) => link.from === name)
        .map((link) => [link.variable, `http://${placement.tapHostForCallers}:${link.tap.port}`]),
    );
    return {
      serviceUrls: placement.serviceUrls,
      ...(placement.network === undefined ? {} : { network: placement.network }),
      linkUrls,
    };
  }
}

function tappedLinks(service: TracedServiceBuilder): [variable: string, to: string][] {
  const { links, untappedLinks } = service.settings;
  return Object.entries(links).filter(([variable]) => !untappedLinks.includes(variable));
}

/** Where the wire records go: the exporter's store (the collector's), else the installed tracing's store. */
function wireStore(exporter: ExporterTarget | undefined): { addWire(record: WireRecord): void } | undefined {
  const own = (exporter as { store?: { addWire?: unknown } } | undefined)?.store;
  if (own && typeof own.addWire === 'function') return own as { addWire(record: WireRecord): void };
  return installedTracing()?.store;
}

const PROPAGATOR_FORMATS: Readonly<Record<string, 'w3c' | 'b3' | 'b3multi' | 'jaeger'>> = {
  tracecontext: 'w3c',
  b3: 'b3',
  b3multi: 'b3multi',
  jaeger: 'jaeger',
};

/**
 * The trace-context formats a service reads: from the `OTEL_PROPAGATORS` it is started with, or W3C when it runs
 * tracespec/service without it (OpenTelemetry's default); undefined when tracespec cannot know.
 */
function formatsRead(
  environment: Readonly<Record<string, string>>,
  tracespecService: boolean,
): WireRecord['calleeReads'] {
  const value = environment.OTEL_PROPAGATORS ?? (tracespecService ? 'tracecontext' : undefined);
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((name) => PROPAGATOR_FORMATS[name.trim().toLowerCase()])
    .filter((format) => format !== undefined);
}

function wireRecords(taps: readonly LinkTap[]): WireRecord[] {
  return taps.flatMap(({ tap }) => tap.records).sort((a, b) => a.id - b.id);
}
