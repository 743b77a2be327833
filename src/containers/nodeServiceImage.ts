import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundleNodeService } from './bundleNodeService.ts';
import type { DockerEngine } from './DockerEngine.ts';
import { defaultDockerEngine } from './defaultDockerEngine.ts';
import { CACHED_IMAGE_KIND, KIND_LABEL, MANAGED_LABEL } from './labels.ts';
import type { NodeService } from './NodeService.ts';
import { nodeRuntimeFiles } from './nodeRuntimeFiles.ts';

/** Repository of every image built by {@link nodeServiceImage}; the tag is the content hash. */
export const NODE_IMAGE_REPOSITORY = 'tracespec-node-service';

/** Bump when the image layout changes, so old cached images are not reused. */
const LAYOUT_VERSION = '1';

const DOCKERFILE = `FROM scratch
COPY rootfs/ /
WORKDIR /app
ENV NODE_ENV=production
ENTRYPOINT ["/usr/local/bin/node", "/app/service.cjs"]
`;

/** A built (or reused) image of a Node service. */
export interface NodeServiceImage {
  /** `tracespec-node-service:<hash>`, usable with `new GenericContainer(image)` or `new TracedContainer(image)`. */
  readonly image: string;
  /** True when an image with the same content already existed and nothing was built. */
  readonly cached: boolean;
}

async function runtimeFingerprint(files: { node: string; libraries: readonly string[] }): Promise<string> {
  const parts = await Promise.all(
    [files.node, ...files.libraries].map(async (file) => {
      const info = await stat(file);
      return `${file}:${info.size}:${info.mtimeMs}`;
    }),
  );
  return parts.join('\n');
}

/**
 * Builds a registry-free image of a Node service: the service and its OpenTelemetry set-up bundled into one file,
 * on `FROM scratch` with the host's Node binary and the libraries it links. Images are tagged with a hash of
 * their content, so a second call with unchanged sources reuses the image (`cached: true`) in milliseconds.
 * The image has no shell: the service must handle SIGTERM itself (PID 1 gets no default handler).
 *
 * @example
 * const { image } = await nodeServiceImage({ entry: '/abs/orders.ts', instrumentation: '/abs/otel.ts' });
 * await using orders = await new TracedContainer(image).withServiceName('orders').withPort(3000).start();
 */
export async function nodeServiceImage(service: NodeService, engine?: DockerEngine): Promise<NodeServiceImage> {
  const docker = engine ?? (await defaultDockerEngine());
  const [bundle, runtime] = await Promise.all([bundleNodeService(service), nodeRuntimeFiles()]);
  const hash = createHash('sha256')
    .update(`${LAYOUT_VERSION}\n${bundle.hash}\n${process.version}\n${await runtimeFingerprint(runtime)}`)
    .digest('hex')
    .slice(0, 24);
  const image = `${NODE_IMAGE_REPOSITORY}:${hash}`;
  if (await docker.imageExists(image)) return { image, cached: true };

  const context = await mkdtemp(join(tmpdir(), 'tracespec-image-'));
  try {
    const files = ['Dockerfile', 'rootfs/usr/local/bin/node', 'rootfs/app/service.cjs'];
    const place = async (source: string, target: string) => {
      await mkdir(dirname(join(context, target)), { recursive: true });
      await copyFile(source, join(context, target));
    };
    await place(runtime.node, 'rootfs/usr/local/bin/node');
    for (const library of runtime.libraries) {
      await place(library, `rootfs${library}`);
      files.push(`rootfs${library}`);
    }
    await mkdir(join(context, 'rootfs/app'), { recursive: true });
    await writeFile(join(context, 'rootfs/app/service.cjs'), bundle.code);
    await writeFile(join(context, 'Dockerfile'), DOCKERFILE);
    // A cache, not owned by a run: no owner labels, so leftover cleanup keeps it; removeCachedImages() clears it.
    const labels = { [MANAGED_LABEL]: 'true', [KIND_LABEL]: CACHED_IMAGE_KIND };
    await docker.buildImage({ context, files, tag: image, labels });
    return { image, cached: false };
  } finally {
    await rm(context, { recursive: true, force: true });
  }
}
