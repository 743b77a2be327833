import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { imageCacheKeep, pruneCachedImages } from '../cleanup/pruneCachedImages.ts';
import type { DockerEngine } from '../DockerEngine.ts';
import { defaultDockerEngine } from '../defaultDockerEngine.ts';
import { cachedImageLabels } from '../labels.ts';
import { withBuildLock } from './buildLock.ts';

/** Directories never sent as build context. */
const SKIPPED = new Set(['.git', 'node_modules']);

async function listFiles(root: string, directory = root): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) files.push(...(await listFiles(root, path)));
    } else if (entry.isFile()) {
      files.push(relative(root, path));
    }
  }
  return files.sort();
}

/**
 * Builds an image from a Dockerfile in `context` (`.git` and `node_modules` are not sent), tagged with a hash of
 * the context's files so that an unchanged context is not built twice.
 *
 * @example
 * const image = await dockerfileImage('/abs/services/orders');
 */
export async function dockerfileImage(
  context: string,
  dockerfile = 'Dockerfile',
  engine?: DockerEngine,
): Promise<string> {
  const keep = imageCacheKeep();
  const docker = engine ?? (await defaultDockerEngine());
  const files = await listFiles(context);
  if (!files.includes(dockerfile)) {
    throw new Error(`[tracespec] no ${dockerfile} in ${context}; pass the directory that holds the Dockerfile.`);
  }
  const hash = createHash('sha256').update(dockerfile);
  for (const file of files) hash.update(`\n${file}\n`).update(await readFile(join(context, file)));
  const image = `tracespec-dockerfile:${hash.digest('hex').slice(0, 24)}`;
  if (await docker.imageExists(image)) return image;
  return withBuildLock(image, async () => {
    if (!(await docker.imageExists(image))) {
      // Older builds of the same Dockerfile beyond the newest few are pruned (TRACESPEC_IMAGE_CACHE_KEEP).
      const key = `dockerfile:${join(resolve(context), dockerfile)}`;
      await docker.buildImage({ context, files, dockerfile, tag: image, labels: cachedImageLabels(key) });
      await pruneCachedImages(docker, key, image, keep);
    }
    return image;
  });
}
