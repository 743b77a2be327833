import { Wait } from 'testcontainers';
import { type StartedTracedContainer, TracedContainer } from 'tracespec/containers';
import { expect, test } from 'vitest';
import { exampleService } from '../../../examples/services/system.ts';
import { defaultDockerEngine } from '../../../src/containers/defaultDockerEngine.ts';
import { MANAGED_LABEL } from '../../../src/containers/labels.ts';
import { describeWithDocker } from '../../support/docker.ts';
import { ownedDockerResources } from '../../support/ownedDockerResources.ts';

// Nothing listens there: these tests are about starting containers, not about their spans.
const exporter = { env: () => ({ OTEL_TRACES_EXPORTER: 'none' }) };
const inventory = () =>
  TracedContainer.fromNodeService(exampleService('inventory'))
    .withServiceName('inventory')
    .withPort(3000)
    .withExporter(exporter);

describeWithDocker('the testcontainers plug-in points of TracedContainer', () => {
  test('a wait strategy replaces the readiness probe; customizers reach the GenericContainer, in order', async () => {
    await using started = await inventory()
      // This path never answers 2xx, so only the log message can tell that the service is ready.
      .withReadyPath('/never-ready')
      .withWaitStrategy(Wait.forLogMessage(/inventory listening on 3000/))
      .withContainerCustomizer((container) =>
        container.withLabels({ 'dev.tracespec.test.first': 'yes', 'dev.tracespec.test.order': 'first' }),
      )
      .withContainerCustomizer((container) => container.withLabels({ 'dev.tracespec.test.order': 'second' }))
      .start();

    const answer = await fetch(`${started.url}/stock/book`);
    expect(answer.status).toBe(200);
    const engine = await defaultDockerEngine();
    const mine = (await engine.listContainers(MANAGED_LABEL)).find(
      (container) => container.id === (started as StartedTracedContainer).containerId,
    );
    expect(mine?.labels).toMatchObject({ 'dev.tracespec.test.first': 'yes', 'dev.tracespec.test.order': 'second' });
    // tracespec's own labels are still there: cleanup finds the container.
    expect(mine?.labels).toMatchObject({ 'dev.tracespec.service': 'inventory', [MANAGED_LABEL]: 'true' });
  });

  test('a wait strategy that never holds fails the start within the startup timeout, and leaves nothing', async () => {
    const started = Date.now();
    const failure = await inventory()
      .withWaitStrategy(Wait.forLogMessage('a line the service never prints'))
      .withStartupTimeout(4_000)
      .start()
      .catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^\[tracespec\] container "inventory" \(.+\) did not become ready: /);
    expect((failure as Error).message).toContain('inventory listening on 3000');
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(await ownedDockerResources()).toEqual({ containers: [], networks: [] });
  });

  test('a customizer that returns no container is a clear error before anything starts', async () => {
    const failure = await inventory()
      .withContainerCustomizer((container) => {
        container.withUser('node');
        return undefined as never;
      })
      .start()
      .catch((error: Error) => error);
    expect((failure as Error).message).toBe(
      '[tracespec] the container customizer of "inventory" returned nothing; return the container it was given (its with... methods return it).',
    );
    expect(await ownedDockerResources()).toEqual({ containers: [], networks: [] });
  });
});

test('the plug-in points refuse what is not a wait strategy or a function', () => {
  expect(() => inventory().withWaitStrategy('ready' as never)).toThrow(
    '[tracespec] withWaitStrategy() takes a testcontainers wait strategy',
  );
  expect(() => inventory().withContainerCustomizer({} as never)).toThrow(
    '[tracespec] withContainerCustomizer() takes a function',
  );
});
