import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { imageCacheKeep, pruneCachedImages } from '../cleanup/pruneCachedImages.ts';
import type { DockerEngine } from '../DockerEngine.ts';
import { defaultDockerEngine } from '../defaultDockerEngine.ts';
import { cachedImageLabels } from '../labels.ts';
import { untraced } from '../untraced.ts';
import { withBuildLock } from './buildLock.ts';
import { bundleNodeService } from './bundleNodeService.ts';
import type { NodeService } from './NodeService.ts';
import { nodeRuntimeImage } from './nodeRuntimeImage.ts';

/** Repository of every image built by {@link nodeServiceImage}; the tag is the content hash. */
export const NODE_IMAGE_REPOSITORY = 'tracespec-node-service';

/**
 * A built (or reused) image of a Node service.
 *
 * @example
 * const { image, cached }: NodeServiceImage = await nodeServiceImage({ entry: '/abs/orders.ts' });
 */
export interface NodeServiceImage {
  /** `tracespec-node-service:<hash>`, usable with `new GenericContainer(image)` or `new TracedContainer(image)`. */
  readonly image: string;
  /** True when an image with the same content already existed and nothing was built. */
  readonly cached: boolean;
}

/**
 * Builds a registry-free image of a Node service: the service and its OpenTelemetry set-up (`tracespec/service`
 * unless it names its own) bundled into one file
 * (esbuild), on a `FROM scratch` base holding the host's Node binary and the libraries it links. Images are tagged
 * with a hash of their content, so a second call with unchanged sources reuses the image (`cached: true`).
 * The image has no shell: the service must handle SIGTERM itself (PID 1 gets no default handler).
 *
 * @example
 * const { image } = await nodeServiceImage({ entry: '/abs/orders.ts' });
 * await using orders = await new TracedContainer(image).withServiceName('orders').withPort(3000).start();
 */
export function nodeServiceImage(service: NodeService, engine?: DockerEngine): Promise<NodeServiceImage> {
  return untraced(() => buildNodeServiceImage(service, engine));
}

async function buildNodeServiceImage(service: NodeService, engine?: DockerEngine): Promise<NodeServiceImage> {
  const keep = imageCacheKeep();
  const docker = engine ?? (await defaultDockerEngine());
  const [bundle, base] = await Promise.all([bundleNodeService(service), nodeRuntimeImage(docker)]);
  const hash = createHash('sha256').update(`${base}\n${bundle.hash}`).digest('hex').slice(0, 24);
  const image = `${NODE_IMAGE_REPOSITORY}:${hash}`;
  if (await docker.imageExists(image)) return { image, cached: true };
  return withBuildLock(image, async () => {
    if (await docker.imageExists(image)) return { image, cached: true };
    const context = await mkdtemp(join(tmpdir(), 'tracespec-image-'));
    try {
      await writeFile(join(context, 'service.cjs'), bundle.code);
      await writeFile(
        join(context, 'Dockerfile'),
        `FROM ${base}\nCOPY service.cjs /app/service.cjs\nWORKDIR /app\nENTRYPOINT ["/usr/local/bin/node", "/app/service.cjs"]\n`,
      );
      // A cache, not owned by a run: no owner labels, so leftover cleanup keeps it; removeCachedImages() clears it.
      // Older versions of the same service beyond the newest few are pruned (TRACESPEC_IMAGE_CACHE_KEEP).
      const key = serviceCacheKey(service);
      await docker.buildImage({
        context,
        files: ['Dockerfile', 'service.cjs'],
        tag: image,
        labels: cachedImageLabels(key),
      });
      await pruneCachedImages(docker, key, image, keep);
      return { image, cached: false };
    } finally {
      await rm(context, { recursive: true, force: true });
    }
  });
}

/** What the image is a version of: the entry with its set-up (the same entry with another set-up is another service). */
function serviceCacheKey(service: NodeService): string {
  const setup = service.instrumentation === undefined ? 'tracespec/service' : String(service.instrumentation);
  return `node-service:${resolve(service.entry)}|${setup}`;
}
