import type { DockerEngine } from '../DockerEngine.ts';
import { BUILT_AT_LABEL, CACHE_KEY_LABEL, CACHED_IMAGE_KIND, KIND_LABEL, MANAGED_LABEL } from '../labels.ts';

/** Environment variable: how many cached images to keep per service (default {@link DEFAULT_IMAGE_CACHE_KEEP}). */
export const IMAGE_CACHE_KEEP_ENV = 'TRACESPEC_IMAGE_CACHE_KEEP';
/** Cached images kept per service when `TRACESPEC_IMAGE_CACHE_KEEP` is not set. */
export const DEFAULT_IMAGE_CACHE_KEEP = 3;

/** How many cached images to keep per cache key: `TRACESPEC_IMAGE_CACHE_KEEP`, a whole number >= 1, or 3. */
export function imageCacheKeep(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[IMAGE_CACHE_KEEP_ENV];
  if (raw === undefined || raw.trim() === '') return DEFAULT_IMAGE_CACHE_KEEP;
  const keep = Number(raw);
  if (!Number.isInteger(keep) || keep < 1) {
    throw new Error(
      `[tracespec] ${IMAGE_CACHE_KEEP_ENV}=${JSON.stringify(raw)} is not a whole number >= 1: set it to how many ` +
        `cached images to keep per service (default ${DEFAULT_IMAGE_CACHE_KEEP}), or unset it.`,
    );
  }
  return keep;
}

interface CachedTag {
  readonly tag: string;
  readonly builtAt: number;
}

/**
 * Removes the cached images of `cacheKey` older than the newest `keep` (by build time), never `current` (the image
 * just built or reused), and the untagged images of `cacheKey` left by an earlier prune. An image that cannot be
 * removed (a container still uses it, another process removed it first) is left alone: pruning is housekeeping and
 * never fails a start. Returns the tags removed.
 */
export async function pruneCachedImages(
  docker: DockerEngine,
  cacheKey: string,
  current: string,
  keep: number,
): Promise<readonly string[]> {
  const versions: CachedTag[] = [];
  // Untagged images of this service: versions pruned while a container still ran from them.
  const untagged: string[] = [];
  for (const image of await docker.listImages(MANAGED_LABEL)) {
    if (image.labels[KIND_LABEL] !== CACHED_IMAGE_KIND || image.labels[CACHE_KEY_LABEL] !== cacheKey) continue;
    const builtAt = Number(image.labels[BUILT_AT_LABEL] ?? 0);
    const tags = image.tags.filter((tag) => tag !== '<none>:<none>');
    if (tags.length === 0) untagged.push(image.id);
    for (const tag of tags) if (tag !== current) versions.push({ tag, builtAt });
  }
  // `current` counts as one of the kept versions.
  const stale = versions.sort((a, b) => b.builtAt - a.builtAt || a.tag.localeCompare(b.tag)).slice(keep - 1);
  const removed: string[] = [];
  for (const { tag } of stale) {
    try {
      await docker.removeImage(tag);
      removed.push(tag);
    } catch {
      // In use by a container, or gone already: keep going.
    }
  }
  // Docker refuses while a container still runs from one: it is removed by a later prune.
  for (const id of untagged) {
    try {
      await docker.removeImage(id);
    } catch {
      // Still in use: keep going.
    }
  }
  return removed;
}
