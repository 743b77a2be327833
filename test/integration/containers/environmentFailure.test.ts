import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { exampleService } from '../../../examples/services/system.ts';
import { otlpEndpoint, TracedContainer, TracedEnvironment, TracedProcess } from '../../../src/containers/index.ts';
import { describeWithDocker } from '../../support/docker.ts';
import { ownedDockerResources } from '../../support/ownedDockerResources.ts';

const exporter = otlpEndpoint('http://127.0.0.1:9');

describeWithDocker('an environment of containers', () => {
  test('a container that never gets ready fails the start with its name and output, and nothing is left', async () => {
    const environment = new TracedEnvironment()
      .withExporter(exporter)
      .withService(
        TracedContainer.fromNodeService(exampleService('inventory')).withServiceName('inventory').withPort(3000),
      )
      .withService(
        TracedContainer.fromNodeService(exampleService('inventory'))
          .withServiceName('stuck')
          .withPort(3000)
          .withReadyPath('/never-ready')
          .withStartupTimeout(3_000),
      );

    const failure = await environment.start().catch((error: Error) => error);

    expect(failure).toBeInstanceOf(AggregateError);
    expect((failure as Error).message).toMatch(
      /^\[tracespec\] the environment did not start \(1 of 2 services failed\)/,
    );
    expect((failure as Error).message).toMatch(/container "stuck" \(tracespec-node-service:\w+\) did not become ready/);
    expect((failure as Error).message).toContain('stuck listening on 3000');
    expect(await ownedDockerResources()).toEqual({ containers: [], networks: [] });
  });

  test('a container that crashes at start-up is noticed at once: its exit code and output, not the timeout', async () => {
    const crashing = TracedContainer.fromNodeService({
      entry: fileURLToPath(new URL('../../fixtures/crashing/crashAtStart.ts', import.meta.url)),
    })
      .withServiceName('crashing')
      .withPort(3000)
      .withExporter(exporter)
      // Far longer than the test's own timeout: only noticing the exit can end the start in time.
      .withStartupTimeout(600_000);

    const failure = await crashing.start().catch((error: Error) => error);

    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(
      /^\[tracespec\] container "crashing" \(tracespec-node-service:\w+\) exited \(3\) before it was ready\nIts output:\n/,
    );
    expect((failure as Error).message).toContain('[crashing] no DATABASE_URL set, giving up');
    expect(await ownedDockerResources()).toEqual({ containers: [], networks: [] });
  }, 120_000);
});

test('a process that exits during start fails at once with what it printed', async () => {
  const started = Date.now();
  const crashing = new TracedProcess(process.execPath, ['-e', 'console.error("no config"); process.exit(3)'])
    .withServiceName('crashing')
    .withStartupTimeout(30_000);

  await expect(crashing.start()).rejects.toThrow(
    /process "crashing" exited \(3\) before it was ready\.\nIts output:\nno config/,
  );
  expect(Date.now() - started).toBeLessThan(10_000);
});
