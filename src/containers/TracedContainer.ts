import { randomUUID } from 'node:crypto';
import { GenericContainer, Wait } from 'testcontainers';
import { defaultDockerEngine } from './defaultDockerEngine.ts';
import { HOST_FROM_CONTAINER } from './hostGatewayAddress.ts';
import type { ImageSource } from './ImageSource.ts';
import { resolveImage } from './ImageSource.ts';
import { MANAGED_LABEL, ownerLabels, SERVICE_LABEL } from './labels.ts';
import type { NodeService } from './NodeService.ts';
import { OutputBuffer } from './OutputBuffer.ts';
import { readinessProbe } from './readinessProbe.ts';
import { removeLeftoversOnce } from './removeLeftovers.ts';
import { StartedTracedContainer } from './StartedTracedContainer.ts';
import type { StartedTracedService } from './StartedTracedService.ts';
import { serviceEnvironment } from './serviceEnvironment.ts';
import type { LaunchContext } from './TracedServiceBuilder.ts';
import { TracedServiceBuilder } from './TracedServiceBuilder.ts';

/** Labels every container of this process carries besides the owner labels: which start() made it. */
const INSTANCE_LABEL = 'dev.tracespec.instance';

/**
 * A service in a Docker container whose spans go to an exporter target: the OTLP endpoint (as seen from the
 * container, through `host.docker.internal`), the service name and a short batch delay are injected; `stop()`
 * sends SIGTERM and gives the service its flush timeout before removing the container.
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
    const [image] = await Promise.all([resolveImage(this.#source), removeLeftoversOnce()]);
    const environment = serviceEnvironment(this.settings, {
      serviceName,
      port,
      exporterHost: HOST_FROM_CONTAINER,
      serviceUrls: context.serviceUrls,
      ...(context.linkUrls ? { linkUrls: context.linkUrls } : {}),
    });
    const instance = randomUUID();
    const output = new OutputBuffer();
    const wait = Wait.forHttp(probe.path, port);
    let container = new GenericContainer(image)
      .withEnvironment(environment)
      .withExposedPorts(port)
      .withExtraHosts([{ host: HOST_FROM_CONTAINER, ipAddress: 'host-gateway' }])
      .withLabels({ ...ownerLabels('service'), [SERVICE_LABEL]: serviceName, [INSTANCE_LABEL]: instance })
      .withWaitStrategy(probe.requireOk ? wait : wait.forStatusCodeMatching(() => true))
      .withStartupTimeout(startupTimeoutMs)
      .withLogConsumer((stream) => stream.on('data', (chunk: Buffer | string) => output.push(chunk)));
    if (context.network !== undefined) {
      container = container.withNetworkMode(context.network).withNetworkAliases(serviceName);
    }
    try {
      const started = await container.start();
      return new StartedTracedContainer(serviceName, started, output, flushTimeoutMs);
    } catch (error) {
      await removeInstance(instance);
      throw new Error(
        `[tracespec] container "${serviceName}" (${image}) did not become ready: ${(error as Error).message}\n` +
          `Its output:\n${output.toString() || '(nothing)'}`,
        { cause: error },
      );
    }
  }
}

async function removeInstance(instance: string): Promise<void> {
  const engine = await defaultDockerEngine();
  const containers = await engine.listContainers(MANAGED_LABEL);
  for (const container of containers) {
    if (container.labels[INSTANCE_LABEL] === instance) await engine.removeContainer(container.id);
  }
}
