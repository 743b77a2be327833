import type { WireRecord } from '../model/WireRecord.ts';
import type { StartedTracedService } from './StartedTracedService.ts';
import { untraced } from './untraced.ts';

/**
 * A running {@link TracedEnvironment}: its services by name, each with its URL from the host, and what the recording
 * taps saw between them. `stop()` stops every service (each flushing its spans) in parallel, then closes the taps and
 * removes the network.
 *
 * @example
 * await using system = await environment.start();
 * const response = await fetch(`${system.url('gateway')}/checkout?item=book`);
 */
export class StartedTracedEnvironment implements AsyncDisposable {
  /** Name of the Docker network the containers share; undefined for child processes. */
  readonly network: string | undefined;
  readonly #services: ReadonlyMap<string, StartedTracedService>;
  readonly #release: () => Promise<void>;
  readonly #hops: () => readonly WireRecord[];
  #stopping: Promise<void> | undefined;

  constructor(
    services: readonly StartedTracedService[],
    network: string | undefined,
    release: () => Promise<void>,
    hops: () => readonly WireRecord[] = () => [],
  ) {
    this.#services = new Map(services.map((service) => [service.serviceName, service]));
    this.network = network;
    this.#release = release;
    this.#hops = hops;
  }

  /**
   * Every request the recording taps saw between the services, in the order they arrived: method, path, status,
   * timing and the propagation headers it carried. The same records are in the collector's store, where
   * `toBeConnected` and `toPropagate` read them.
   *
   * @example
   * const toInventory = system.hops().filter((hop) => hop.to === 'inventory');
   * toInventory[0]?.headers.traceparent; // '00-4bf9…-00f0…-01', or undefined when orders sent none
   */
  hops(): readonly WireRecord[] {
    return this.#hops();
  }

  /** Every service, in the order they were added. */
  get services(): readonly StartedTracedService[] {
    return [...this.#services.values()];
  }

  /** The running service called `name`. */
  service(name: string): StartedTracedService {
    const service = this.#services.get(name);
    if (service === undefined) {
      throw new Error(
        `[tracespec] the environment has no service "${name}"; it has: ${[...this.#services.keys()].join(', ')}.`,
      );
    }
    return service;
  }

  /** Base URL of service `name` from the host. */
  url(name: string): string {
    return this.service(name).url;
  }

  stop(): Promise<void> {
    this.#stopping ??= untraced(async () => {
      const results = await Promise.allSettled(this.services.map((service) => service.stop()));
      // Stopping twice is harmless: the release stops whatever is still running, closes the taps, removes the network.
      await this.#release();
      const failed = results.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    });
    return this.#stopping;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.stop();
  }
}
