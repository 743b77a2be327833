import type { DockerEngine } from '../DockerEngine.ts';
import { defaultDockerEngine } from '../defaultDockerEngine.ts';
import { CACHED_IMAGE_KIND, KIND_LABEL, MANAGED_LABEL } from '../labels.ts';

/**
 * Empties tracespec's image cache: removes every image built by `nodeServiceImage` or `dockerfileImage`.
 * The next start builds again (cold).
 *
 * @example
 * const removed = await removeCachedImages();
 */
export async function removeCachedImages(engine?: DockerEngine): Promise<number> {
  const docker = engine ?? (await defaultDockerEngine());
  const images = (await docker.listImages(MANAGED_LABEL)).filter(
    (image) => image.labels[KIND_LABEL] === CACHED_IMAGE_KIND,
  );
  // Service images first: Docker refuses to remove a base image that other images still build on.
  const isBase = (image: { tags: readonly string[] }) =>
    image.tags.some((tag) => tag.startsWith('tracespec-node-runtime:'));
  for (const image of images.filter((i) => !isBase(i))) await docker.removeImage(image.id);
  for (const image of images.filter(isBase)) await docker.removeImage(image.id);
  return images.length;
}
