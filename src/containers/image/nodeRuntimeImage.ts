import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { imageCacheKeep, pruneCachedImages } from '../cleanup/pruneCachedImages.ts';
import type { DockerEngine } from '../DockerEngine.ts';
import { cachedImageLabels } from '../labels.ts';
import { withBuildLock } from './buildLock.ts';
import { nodeRuntimeFiles } from './nodeRuntimeFiles.ts';

/** Bump when the layout changes, so that old cached images are not reused. */
const LAYOUT_VERSION = '2';

const DOCKERFILE = `FROM scratch
COPY rootfs/ /
ENV NODE_ENV=production
`;

async function fingerprint(files: readonly string[]): Promise<string> {
  const parts = await Promise.all(
    files.map(async (file) => {
      const info = await stat(file);
      return `${file}:${info.size}:${info.mtimeMs}`;
    }),
  );
  return `${LAYOUT_VERSION}\n${process.version}\n${parts.join('\n')}`;
}

/**
 * The base layer of every Node service image: `FROM scratch` with this process's Node binary at
 * `/usr/local/bin/node` and the libraries `ldd` lists, at their own paths. Built once per Node binary; the
 * service images only add their bundle on top, so they share these ~130 MB.
 */
export async function nodeRuntimeImage(docker: DockerEngine): Promise<string> {
  const keep = imageCacheKeep();
  const runtime = await nodeRuntimeFiles();
  const hash = createHash('sha256')
    .update(await fingerprint([runtime.node, ...runtime.libraries]))
    .digest('hex')
    .slice(0, 24);
  const image = `tracespec-node-runtime:${hash}`;
  if (await docker.imageExists(image)) return image;
  return withBuildLock(image, async () => {
    if (await docker.imageExists(image)) return image;
    const context = await mkdtemp(join(tmpdir(), 'tracespec-runtime-'));
    try {
      const files = ['Dockerfile'];
      for (const [source, target] of [
        [runtime.node, 'rootfs/usr/local/bin/node'],
        ...runtime.libraries.map((library) => [library, `rootfs${library}`]),
      ] as const) {
        await mkdir(dirname(join(context, target)), { recursive: true });
        await copyFile(source, join(context, target));
        files.push(target);
      }
      await writeFile(join(context, 'Dockerfile'), DOCKERFILE);
      // Keyed by the binary's path: an upgraded Node at the same path replaces its old base (older service images
      // keep their layers until they are pruned themselves); another checkout's Node is another key.
      const key = `node-runtime:${runtime.node}`;
      await docker.buildImage({ context, files, tag: image, labels: cachedImageLabels(key) });
      await pruneCachedImages(docker, key, image, keep);
      return image;
    } finally {
      await rm(context, { recursive: true, force: true });
    }
  });
}
