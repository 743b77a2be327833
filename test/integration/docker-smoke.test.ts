import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GenericContainer, type StartedTestContainer, Wait } from 'testcontainers';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { nodeRuntimeFiles } from '../../src/containers/image/nodeRuntimeFiles.ts';
import { defaultDockerEngine } from '../../src/containers/index.ts';
import { describeWithDocker } from '../support/docker.ts';

// The day-one proof that CI reaches a real Docker engine: build a registry-free image (FROM scratch with this
// process's Node binary and the libraries it links), start it, and talk to it over HTTP.
describeWithDocker('Docker engine', () => {
  let context: string;
  let container: StartedTestContainer | undefined;
  const tag = `tracespec-smoke:${process.pid}`;

  beforeAll(async () => {
    context = mkdtempSync(join(tmpdir(), 'tracespec-smoke-'));
    const rootfs = join(context, 'rootfs');
    const { libraries } = await nodeRuntimeFiles();
    for (const file of [process.execPath, ...libraries]) {
      const target = join(rootfs, file === process.execPath ? '/node' : file);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(file, target);
    }
    mkdirSync(join(rootfs, 'app'), { recursive: true });
    writeFileSync(
      join(rootfs, 'app/server.js'),
      `require('node:http').createServer((req, res) => res.end('pong ' + req.url)).listen(8080, () => console.log('listening'));\n`,
    );
    writeFileSync(
      join(context, 'Dockerfile'),
      'FROM scratch\nCOPY rootfs/ /\nENTRYPOINT ["/node", "/app/server.js"]\n',
    );
    // Ryuk (testcontainers' reaper) is off here, so deleteOnExit would not remove it: afterAll does.
    const image = await GenericContainer.fromDockerfile(context).build(tag, { deleteOnExit: false });
    container = await image
      .withLabels({ 'dev.tracespec.test': 'smoke' })
      .withExposedPorts(8080)
      .withWaitStrategy(Wait.forLogMessage('listening'))
      .start();
  });

  afterAll(async () => {
    await container?.stop({ remove: true });
    await (await defaultDockerEngine()).removeImage(tag);
    rmSync(context, { recursive: true, force: true });
  });

  test('a container built from a local image answers over HTTP', async () => {
    if (!container) throw new Error('container did not start');
    const response = await fetch(`http://${container.getHost()}:${container.getMappedPort(8080)}/ping`);
    expect(await response.text()).toBe('pong /ping');
  });
});
