import { randomUUID } from 'node:crypto';
import { GenericContainer, Wait, type WaitStrategy } from 'testcontainers';
import { removeLeftoversOnce } from './cleanup/removeLeftovers.ts';
import { defaultDockerEngine } from './defaultDockerEngine.ts';
import { HOST_FROM_CONTAINER } from './hostGatewayAddress.ts';
import type { ImageSource } from './image/ImageSource.ts';
import { resolveImage } from './image/ImageSource.ts';
import type { NodeService } from './image/NodeService.ts';
import { MANAGED_LABEL, ownerLabels, SERVICE_LABEL } from './labels.ts';
import { type ExitNotice, noticeExit } from './noticeExit.ts';
import { OutputBuffer } from './OutputBuffer.ts';
import { readinessProbe } from './readinessProbe.ts';
import { ryukHint } from './ryukHint.ts';
import { StartedTracedContainer } from './StartedTracedContainer.ts';
import type { StartedTracedService } from './StartedTracedService.ts';
import { serviceEnvironment } from './serviceEnvironment.ts';
import type { LaunchContext } from './TracedServiceBuilder.ts';
import { TracedServiceBuilder } from './TracedServiceBuilder.ts';

/** Labels every container of this process carries besides the owner labels: which start() made it. */
const INSTANCE_LABEL = 'dev.tracespec.instance';

/**
 * Changes the testcontainers `GenericContainer` tracespec built, just before it starts: bind mounts, copied files,
 * tmpfs, resource limits, a user, a command... Return the container (its `with...` methods return it).
 *
 * @example
 * const customize: ContainerCustomizer = (container) => container.withTmpFs({ '/tmp': 'rw' }).withUser('node');
 */
export type ContainerCustomizer = (container: GenericContainer) => GenericContainer;

/**
 * A service in a Docker container whose spans go to an exporter target: the OTLP endpoint (as seen from the
 * container, through `host.docker.internal`), the service name and a short batch delay are injected; `stop()`
 * sends SIGTERM and gives the service its flush timeout before removing the container. Readiness is an HTTP probe
 * by default; `withWaitStrategy(Wait.forX(...))` takes any testcontainers wait strategy instead, and
 * `withContainerCustomizer()` reaches the underlying `GenericContainer`.
 *
 * @example
 * await using orders = await TracedContainer.fromNodeService({ entry })
 *   .withServiceName('orders')
 *   .withPort(3000)
 *   .withExporter(collector)
 *   .withReadyPath('/health')
 *   .start();
 * await fetch(`${orders.url}/orders`, { method: 'POST' });
 */
export class TracedContainer extends TracedServiceBuilder {
  readonly #source: ImageSource;
  #waitStrategy: WaitStrategy | undefined;
  #customizers: readonly ContainerCustomizer[] = [];
  /** The image resolved ahead of the next launch by {@link prepareImage}, taken (and forgotten) by that launch. */
  #prepared: Promise<string> | undefined;

  /** A container of an existing local image, e.g. `my-orders:dev`. */
  constructor(image: string | ImageSource) {
    super();
    this.#source = typeof image === 'string' ? { kind: 'image', image } : image;
  }

  /** A container of the image built from `context/dockerfile` (built once per content, then reused). */
  static fromDockerfile(context: string, dockerfile = 'Dockerfile'): TracedContainer {
    return new TracedContainer({ kind: 'dockerfile', context, dockerfile });
  }

  /** A container of a registry-free Node image of `service` (see `nodeServiceImage`). */
  static fromNodeService(service: NodeService): TracedContainer {
    return new TracedContainer({ kind: 'node', service });
  }

  /** True for a Node service bundled with the default set-up, tracespec/service. @internal */
  override get setUpByTracespec(): boolean {
    return this.#source.kind === 'node' && this.#source.service.instrumentation === undefined;
  }

  /**
   * How start() decides that the service is ready, instead of the HTTP probe (`withReadyPath`): any testcontainers
   * wait strategy, e.g. `Wait.forLogMessage('listening')` for a service without HTTP, or `Wait.forAll([...])`.
   * `withStartupTimeout()` still bounds the wait.
   *
   * @example
   * new TracedContainer('worker:dev').withServiceName('worker').withPort(9000).withWaitStrategy(Wait.forLogMessage(/ready/));
   */
  withWaitStrategy(strategy: WaitStrategy): this {
    if (typeof strategy !== 'object' || strategy === null || typeof strategy.waitUntilReady !== 'function') {
      throw new TypeError(
        '[tracespec] withWaitStrategy() takes a testcontainers wait strategy, e.g. Wait.forLogMessage(/ready/) or Wait.forHttp("/health", 3000).',
      );
    }
    this.#waitStrategy = strategy;
    return this;
  }

  /**
   * Changes the underlying testcontainers `GenericContainer` just before it starts, after tracespec's own settings
   * (which the customizer may override); several customizers run in the order given.
   *
   * @example
   * TracedContainer.fromDockerfile('./orders')
   *   .withServiceName('orders')
   *   .withPort(3000)
   *   .withContainerCustomizer((container) => container.withBindMounts([{ source: fixtures, target: '/data' }]));
   */
  withContainerCustomizer(customize: ContainerCustomizer): this {
    if (typeof customize !== 'function') {
      throw new TypeError(
        '[tracespec] withContainerCustomizer() takes a function that receives the GenericContainer and returns it, e.g. (container) => container.withUser("node").',
      );
    }
    this.#customizers = [...this.#customizers, customize];
    return this;
  }

  /**
   * Builds (or finds) the image ahead of the launch, so that an environment whose services start in waves builds
   * all their images at once instead of one wave after another; the next launch uses it. @internal
   */
  prepareImage(): Promise<string> {
    const prepared = resolveImage(this.#source);
    // A failed build is reported by the launch that takes it, in its wave, like a build started by the launch.
    prepared.catch(() => undefined);
    this.#prepared = prepared;
    return prepared;
  }

  /** Starts the container, joining the environment's network when given one. @internal */
  async launch(context: LaunchContext): Promise<StartedTracedService> {
    const serviceName = this.requireServiceName('TracedContainer');
    const { port, startupTimeoutMs, flushTimeoutMs } = this.settings;
    const probe = readinessProbe(this.settings);
    if (port === 0) {
      throw new Error(
        `[tracespec] TracedContainer "${serviceName}" needs the port its service listens on: .withPort(3000).`,
      );
    }
    const prepared = this.#prepared;
    this.#prepared = undefined;
    const [image] = await Promise.all([prepared ?? resolveImage(this.#source), removeLeftoversOnce()]);
    const environment = serviceEnvironment(this.settings, {
      serviceName,
      port,
      exporterHost: HOST_FROM_CONTAINER,
      serviceUrls: context.serviceUrls,
      ...(context.linkUrls ? { linkUrls: context.linkUrls } : {}),
    });
    const instance = randomUUID();
    const output = new OutputBuffer();
    // A container that exits while it is probed ends the wait at once, instead of after the whole startup timeout.
    const probeWait = Wait.forHttp(probe.path, port, { abortOnContainerExit: true });
    const exit: ExitNotice = {};
    const wait = noticeExit(
      this.#waitStrategy ?? (probe.requireOk ? probeWait : probeWait.forStatusCodeMatching(() => true)),
      exit,
    );
    let container = new GenericContainer(image)
      .withEnvironment(environment)
      .withExposedPorts(port)
      .withExtraHosts([{ host: HOST_FROM_CONTAINER, ipAddress: 'host-gateway' }])
      .withLabels({ ...ownerLabels('service'), [SERVICE_LABEL]: serviceName, [INSTANCE_LABEL]: instance })
      .withWaitStrategy(wait)
      .withStartupTimeout(startupTimeoutMs)
      .withLogConsumer((stream) => stream.on('data', (chunk: Buffer | string) => output.push(chunk)));
    if (context.network !== undefined) {
      container = container.withNetworkMode(context.network).withNetworkAliases(serviceName);
    }
    container = this.#customize(container, serviceName);
    try {
      const started = await container.start();
      return new StartedTracedContainer(serviceName, started, output, flushTimeoutMs);
    } catch (error) {
      await removeInstance(instance);
      const message = (error as Error).message;
      const pull = ryukHint(message, process.env);
      const what =
        exit.exitCode !== undefined
          ? `exited (${exit.exitCode}) before it was ready`
          : pull !== undefined
            ? `could not be started: ${message}\n${pull}`
            : `did not become ready: ${message}\n${HOOK_TIMEOUT_HINT}`;
      throw new Error(
        `[tracespec] container "${serviceName}" (${image}) ${what}\nIts output:\n${output.toString() || '(nothing)'}`,
        { cause: error },
      );
    }
  }

  #customize(container: GenericContainer, serviceName: string): GenericContainer {
    let customized = container;
    for (const customize of this.#customizers) {
      const result: unknown = customize(customized);
      if (typeof (result as Partial<GenericContainer> | undefined)?.start !== 'function') {
        throw new TypeError(
          `[tracespec] the container customizer of "${serviceName}" returned ${result === undefined ? 'nothing' : typeof result}; return the container it was given (its with... methods return it).`,
        );
      }
      customized = result as GenericContainer;
    }
    return customized;
  }
}

const HOOK_TIMEOUT_HINT =
  "Building and starting containers takes longer than vitest's default hookTimeout (10 s): start them in a beforeAll " +
  'with a longer timeout, e.g. beforeAll(start, 120_000), or set test.hookTimeout, so that this message is not hidden.';

async function removeInstance(instance: string): Promise<void> {
  const engine = await defaultDockerEngine();
  const containers = await engine.listContainers(MANAGED_LABEL);
  for (const container of containers) {
    if (container.labels[INSTANCE_LABEL] === instance) await engine.removeContainer(container.id);
  }
}
