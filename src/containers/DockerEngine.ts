/**
 * A container or network as cleanup sees it.
 *
 * @example
 * const ids = (await engine.listNetworks('dev.tracespec.managed')).map((network: EngineResource) => network.id);
 */
export interface EngineResource {
  readonly id: string;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * What the image builder hands the engine: a directory and the files in it to send as build context.
 *
 * @example
 * await engine.buildImage({ context, files: ['Dockerfile', 'server.js'], tag: 'orders:test', labels: {} } satisfies ImageBuildRequest);
 */
export interface ImageBuildRequest {
  readonly context: string;
  readonly files: readonly string[];
  /** Dockerfile name inside the context; `Dockerfile` when omitted. */
  readonly dockerfile?: string;
  readonly tag: string;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * The few Docker operations tracespec needs beyond what testcontainers' builders do: labelled networks, image
 * builds with real error reporting, and listing/removing by label for cleanup. Unit tests pass a fake.
 *
 * @example
 * const engine: DockerEngine = await defaultDockerEngine();
 * const mine = await engine.listContainers('dev.tracespec.managed');
 */
export interface DockerEngine {
  /** Containers (running or not) carrying `label=true`. */
  listContainers(label: string): Promise<readonly EngineResource[]>;
  /** Networks carrying `label=true`. */
  listNetworks(label: string): Promise<readonly EngineResource[]>;
  /** Images carrying `label=true`, with their tags. */
  listImages(label: string): Promise<readonly (EngineResource & { readonly tags: readonly string[] })[]>;
  /** Force-removes a container; a missing one is not an error. */
  removeContainer(id: string): Promise<void>;
  /** Removes a network; a missing one is not an error. */
  removeNetwork(id: string): Promise<void>;
  /** Removes an image by id or tag; a missing one is not an error. */
  removeImage(idOrTag: string): Promise<void>;
  createNetwork(name: string, labels: Readonly<Record<string, string>>): Promise<string>;
  imageExists(tag: string): Promise<boolean>;
  /** Builds an image and rejects with the engine's own message when the build fails. */
  buildImage(request: ImageBuildRequest): Promise<void>;
  /** Gateway address of the default bridge network, if the engine reports one. */
  bridgeGateway(): Promise<{ readonly gateway?: string; readonly subnet?: string }>;
}
