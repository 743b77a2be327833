import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { nodeRuntimeImage } from '../../../src/containers/image/nodeRuntimeImage.ts';
import {
  defaultDockerEngine,
  dockerfileImage,
  nodeServiceImage,
  TracedContainer,
} from '../../../src/containers/index.ts';
import { describeWithDocker } from '../../support/docker.ts';

// A service whose source is new on every run, so that the first build is really cold.
const nonce = randomUUID();
const serviceSource = `import http from 'node:http';
const reply: string = ${JSON.stringify(nonce)};
http.createServer((_request, response) => response.end(reply)).listen(Number(process.env.PORT));
process.once('SIGTERM', () => process.exit(0));
`;

describeWithDocker('registry-free images', () => {
  let directory: string;
  const built: string[] = [];

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'tracespec-image-test-'));
    await writeFile(join(directory, 'service.ts'), serviceSource);
  });
  afterAll(async () => {
    const engine = await defaultDockerEngine();
    for (const image of built) await engine.removeImage(image);
    await rm(directory, { recursive: true, force: true });
  });

  test('a Node service image is built once, reused by content hash, and runs the service', async () => {
    const service = { entry: join(directory, 'service.ts') };
    const first = await nodeServiceImage(service);
    built.push(first.image);
    const second = await nodeServiceImage(service);

    expect(first.cached).toBe(false);
    expect(second).toEqual({ image: first.image, cached: true });
    await using container = await new TracedContainer(second.image).withServiceName('nonce').withPort(3000).start();
    expect(await (await fetch(container.url)).text()).toBe(nonce);
  });

  test('an image from a Dockerfile is built once per context content', async () => {
    const context = join(directory, 'docker');
    await mkdir(context);
    const base = await nodeRuntimeImage(await defaultDockerEngine());
    await writeFile(
      join(context, 'server.js'),
      `require('node:http').createServer((q, s) => s.end(${JSON.stringify(nonce)})).listen(+process.env.PORT);\n` +
        `process.once('SIGTERM', () => process.exit(0));\n`,
    );
    await writeFile(
      join(context, 'Dockerfile'),
      `FROM ${base}\nCOPY server.js /app/server.js\nENTRYPOINT ["/usr/local/bin/node", "/app/server.js"]\n`,
    );

    const image = await dockerfileImage(context);
    built.push(image);
    expect(await dockerfileImage(context)).toBe(image);
    await using container = await TracedContainer.fromDockerfile(context)
      .withServiceName('docker')
      .withPort(8080)
      .start();
    expect(await (await fetch(container.url)).text()).toBe(nonce);
  });

  test('a service changed again and again keeps only its newest images; a running container survives the prune', async () => {
    const engine = await defaultDockerEngine();
    const entry = join(directory, 'changing.ts');
    const versions: string[] = [];
    const build = async (version: number) => {
      await writeFile(entry, serviceSource.replace(JSON.stringify(nonce), JSON.stringify(`${nonce} v${version}`)));
      const { image, cached } = await nodeServiceImage({ entry });
      expect(cached).toBe(false);
      versions.push(image);
      built.push(image);
      return image;
    };
    const previous = process.env.TRACESPEC_IMAGE_CACHE_KEEP;
    process.env.TRACESPEC_IMAGE_CACHE_KEEP = '2';
    try {
      {
        await using running = await new TracedContainer(await build(1)).withServiceName('v1').withPort(3000).start();
        for (const version of [2, 3, 4]) await build(version);

        const exists = await Promise.all(versions.map((image) => engine.imageExists(image)));
        expect(exists).toEqual([false, false, true, true]);
        // Another service's cache (the first test's image) is not this service's to prune.
        expect(await engine.imageExists(built[0] ?? '')).toBe(true);
        // The container started from the pruned version still runs and answers.
        expect(await (await fetch(running.url)).text()).toBe(`${nonce} v1`);
      }
      // The container is gone: the next build's prune removes the image it ran from, which had lost its tag.
      await build(5);
      const mine = (await engine.listImages('dev.tracespec.managed')).filter((image) =>
        image.labels['dev.tracespec.cache-key']?.includes(entry),
      );
      expect(mine.map((image) => image.tags)).toEqual(expect.arrayContaining([[versions[3]], [versions[4]]]));
      expect(mine).toHaveLength(2);
    } finally {
      if (previous === undefined) delete process.env.TRACESPEC_IMAGE_CACHE_KEEP;
      else process.env.TRACESPEC_IMAGE_CACHE_KEEP = previous;
    }
  });

  test('a failing Dockerfile build reports Docker’s own reason', async () => {
    const context = join(directory, 'broken');
    await mkdir(context);
    await writeFile(join(context, 'Dockerfile'), 'FROM scratch\nCOPY missing.js /missing.js\n');

    await expect(dockerfileImage(context)).rejects.toThrow(
      /^\[tracespec\] Docker could not build image "tracespec-dockerfile:\w+": .*missing\.js/,
    );
  });
});
