import type { StartedTestContainer } from 'testcontainers';
import type { OutputBuffer } from './OutputBuffer.ts';
import type { StartedTracedService } from './StartedTracedService.ts';
import { untraced } from './untraced.ts';

/**
 * A running {@link TracedContainer}. `stop()` is `docker stop` with the flush timeout (SIGTERM, then SIGKILL when
 * the service has not exited in time), then removal; calling it twice is harmless.
 *
 * @example
 * const orders = await TracedContainer.fromNodeService(service).withServiceName('orders').withPort(3000).start();
 * await orders.stop();
 */
export class StartedTracedContainer implements StartedTracedService {
  readonly serviceName: string;
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly #container: StartedTestContainer;
  readonly #output: OutputBuffer;
  readonly #flushTimeoutMs: number;
  #stopping: Promise<void> | undefined;

  constructor(serviceName: string, container: StartedTestContainer, output: OutputBuffer, flushTimeoutMs: number) {
    this.serviceName = serviceName;
    this.#container = container;
    this.#output = output;
    this.#flushTimeoutMs = flushTimeoutMs;
    this.host = container.getHost();
    this.port = container.getFirstMappedPort();
    this.url = `http://${this.host}:${this.port}`;
  }

  /** The container id, for `docker logs` and the like. */
  get containerId(): string {
    return this.#container.getId();
  }

  output(): string {
    return this.#output.toString();
  }

  stop(): Promise<void> {
    this.#stopping ??= untraced(() =>
      this.#container.stop({ timeout: this.#flushTimeoutMs, remove: true, removeVolumes: true }),
    ).then(() => undefined);
    return this.#stopping;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.stop();
  }
}
