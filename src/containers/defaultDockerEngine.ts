import type Dockerode from 'dockerode';
import { getContainerRuntimeClient } from 'testcontainers';
import type { DockerEngine, EngineResource, ImageBuildRequest } from './DockerEngine.ts';
import { untraced } from './untraced.ts';

let shared: Promise<DockerEngine> | undefined;

/**
 * The Docker engine testcontainers is connected to (same socket, same settings), behind {@link DockerEngine}.
 * Created once per process.
 */
export function defaultDockerEngine(): Promise<DockerEngine> {
  shared ??= untraced(() => getContainerRuntimeClient()).then((client) =>
    untracedEngine(new DockerodeEngine(client.container.dockerode)),
  );
  return shared;
}

/**
 * The engine with tracing suppressed around every call: Docker API requests are tracespec's plumbing, and the http
 * instrumentation of the test process would otherwise record each one as a span.
 */
function untracedEngine(engine: DockerEngine): DockerEngine {
  return {
    listContainers: (label) => untraced(() => engine.listContainers(label)),
    listNetworks: (label) => untraced(() => engine.listNetworks(label)),
    listImages: (label) => untraced(() => engine.listImages(label)),
    removeContainer: (id) => untraced(() => engine.removeContainer(id)),
    removeNetwork: (id) => untraced(() => engine.removeNetwork(id)),
    removeImage: (idOrTag) => untraced(() => engine.removeImage(idOrTag)),
    createNetwork: (name, labels) => untraced(() => engine.createNetwork(name, labels)),
    imageExists: (tag) => untraced(() => engine.imageExists(tag)),
    buildImage: (request) => untraced(() => engine.buildImage(request)),
    bridgeGateway: () => untraced(() => engine.bridgeGateway()),
  };
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { statusCode?: number }).statusCode === 404;
}

async function ignoreMissing(action: Promise<unknown>): Promise<void> {
  try {
    await action;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

class DockerodeEngine implements DockerEngine {
  readonly #docker: Dockerode;

  constructor(docker: Dockerode) {
    this.#docker = docker;
  }

  async listContainers(label: string): Promise<readonly EngineResource[]> {
    const list = await this.#docker.listContainers({ all: true, filters: { label: [`${label}=true`] } });
    return list.map((c) => ({ id: c.Id, labels: c.Labels ?? {} }));
  }

  async listNetworks(label: string): Promise<readonly EngineResource[]> {
    const list = await this.#docker.listNetworks({ filters: { label: [`${label}=true`] } });
    return list.map((n) => ({ id: n.Id, labels: n.Labels ?? {} }));
  }

  async listImages(label: string) {
    const list = await this.#docker.listImages({ filters: { label: [`${label}=true`] } });
    return list.map((i) => ({ id: i.Id, labels: i.Labels ?? {}, tags: i.RepoTags ?? [] }));
  }

  removeContainer(id: string): Promise<void> {
    return ignoreMissing(this.#docker.getContainer(id).remove({ force: true, v: true }));
  }

  removeNetwork(id: string): Promise<void> {
    return ignoreMissing(this.#docker.getNetwork(id).remove());
  }

  removeImage(idOrTag: string): Promise<void> {
    return ignoreMissing(this.#docker.getImage(idOrTag).remove({ force: true }));
  }

  async createNetwork(name: string, labels: Readonly<Record<string, string>>): Promise<string> {
    const network = await this.#docker.createNetwork({ Name: name, Driver: 'bridge', Labels: { ...labels } });
    return network.id;
  }

  async imageExists(tag: string): Promise<boolean> {
    try {
      await this.#docker.getImage(tag).inspect();
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async buildImage(request: ImageBuildRequest): Promise<void> {
    const stream = await this.#docker.buildImage(
      { context: request.context, src: [...request.files] },
      {
        t: request.tag,
        dockerfile: request.dockerfile ?? 'Dockerfile',
        labels: { ...request.labels },
        rm: true,
        forcerm: true,
      },
    );
    // The engine reports a failed build inside the progress stream, not as an HTTP error.
    const events = await new Promise<{ error?: string; errorDetail?: { message?: string } }[]>((resolve, reject) => {
      this.#docker.modem.followProgress(stream, (error, output) => (error ? reject(error) : resolve(output ?? [])));
    });
    const failed = events.find((event) => event.error !== undefined || event.errorDetail !== undefined);
    if (failed) {
      throw new Error(
        `[tracespec] Docker could not build image "${request.tag}": ${failed.errorDetail?.message ?? failed.error}. ` +
          'Run with DEBUG=testcontainers* or build the context by hand to see the full log.',
      );
    }
  }

  async bridgeGateway(): Promise<{ gateway?: string; subnet?: string }> {
    const info = await this.#docker.getNetwork('bridge').inspect();
    const config = (info as { IPAM?: { Config?: { Gateway?: string; Subnet?: string }[] } }).IPAM?.Config?.[0];
    return { gateway: config?.Gateway, subnet: config?.Subnet };
  }
}
