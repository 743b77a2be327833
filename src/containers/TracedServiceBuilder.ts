import type { ExporterTarget } from './ExporterTarget.ts';
import type { ServiceSettings } from './ServiceSettings.ts';
import { DEFAULT_SETTINGS } from './ServiceSettings.ts';
import type { StartedTracedService } from './StartedTracedService.ts';
import { untraced } from './untraced.ts';

/** What an environment tells a service about the others when it starts it. @internal */
export interface LaunchContext {
  /** URL of each service of the environment as seen from where this one runs. */
  readonly serviceUrls: Readonly<Record<string, string>>;
  /** Per link variable, the URL to use instead (a recording tap on that link). */
  readonly linkUrls?: Readonly<Record<string, string>>;
  /** Docker network to join, under the service's name as alias (containers only). */
  readonly network?: string;
}

/**
 * The configuration shared by {@link TracedContainer} and {@link TracedProcess}: service name, port, exporter
 * target, links to other services, readiness and flush timing. Every method returns the builder.
 *
 * @example
 * const orders = new TracedProcess(process.execPath, ['orders.js'])
 *   .withServiceName('orders')
 *   .withExporter(collector)
 *   .withLink('INVENTORY_URL', 'inventory')
 *   .withReadyPath('/health');
 */
export abstract class TracedServiceBuilder {
  #settings: ServiceSettings = DEFAULT_SETTINGS;

  /** The configuration collected so far. */
  get settings(): ServiceSettings {
    return this.#settings;
  }

  #set(patch: Partial<ServiceSettings>): this {
    this.#settings = { ...this.#settings, ...patch };
    return this;
  }

  /** `service.name` of the spans; also the service's host name on an environment's network. */
  withServiceName(serviceName: string): this {
    if (!/^[a-z0-9][a-z0-9_.-]*$/i.test(serviceName)) {
      throw new Error(
        `[tracespec] withServiceName() got "${serviceName}"; use letters, digits, ".", "_" or "-" (it is also a host name).`,
      );
    }
    return this.#set({ serviceName });
  }

  /** Port the service listens on; it is passed as `PORT`. */
  withPort(port: number): this {
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      throw new Error(`[tracespec] withPort() needs a port number between 0 and 65535, got ${port}.`);
    }
    return this.#set({ port });
  }

  /** Extra environment variables; they override anything tracespec sets. */
  withEnvironment(environment: Readonly<Record<string, string>>): this {
    return this.#set({ environment: { ...this.#settings.environment, ...environment } });
  }

  /** Where spans go: a collector or {@link otlpEndpoint}. */
  withExporter(exporter: ExporterTarget): this {
    return this.#set({ exporter });
  }

  /**
   * Sets `variable` to the URL of another service of the same environment (e.g. `ORDERS_URL` -> `orders`). In an
   * environment the URL points at a recording tap that forwards every request unchanged and records the trace
   * context it carried (the evidence propagation checks use); `{ tap: false }` links straight to the service.
   * A service starts after the services it links to are ready.
   */
  withLink(variable: string, serviceName: string, options: { readonly tap?: boolean } = {}): this {
    const untapped = this.#settings.untappedLinks.filter((name) => name !== variable);
    return this.#set({
      links: { ...this.#settings.links, [variable]: serviceName },
      untappedLinks: options.tap === false ? [...untapped, variable] : untapped,
    });
  }

  /**
   * Path that answers 2xx when the service is ready (default: any HTTP answer on a probe path no route uses).
   * `tracespec/service` records no span for it.
   */
  withReadyPath(path: string): this {
    return this.#set({ readyPath: path.startsWith('/') ? path : `/${path}` });
  }

  /** Time between SIGTERM and kill on stop, for the exporter to flush (default 5000 ms). */
  withFlushTimeout(ms: number): this {
    return this.#set({ flushTimeoutMs: ms });
  }

  /** `OTEL_BSP_SCHEDULE_DELAY` (default 100 ms). */
  withBatchDelay(ms: number): this {
    return this.#set({ batchDelayMs: ms });
  }

  /** How long start() waits for readiness (default 60000 ms). */
  withStartupTimeout(ms: number): this {
    return this.#set({ startupTimeoutMs: ms });
  }

  /** The service name, or an error that says how to set it. */
  protected requireServiceName(kind: string): string {
    const name = this.#settings.serviceName;
    if (name === undefined) {
      throw new Error(`[tracespec] ${kind} has no service name; call .withServiceName('orders') before start().`);
    }
    return name;
  }

  /** Starts the service on its own. */
  start(): Promise<StartedTracedService> {
    return untraced(() => this.launch({ serviceUrls: {} }));
  }

  /** Starts the service as a member of an environment. @internal */
  abstract launch(context: LaunchContext): Promise<StartedTracedService>;
}
