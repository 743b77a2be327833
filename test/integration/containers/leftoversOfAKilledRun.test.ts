import { describe, expect, test } from 'vitest';
import { exampleService } from '../../../examples/services/system.ts';
import { isProcessAlive } from '../../../src/containers/cleanup/isProcessAlive.ts';
import { killOrphanedProcesses, removeLeftovers, TracedContainer } from '../../../src/containers/index.ts';
import { describeWithDocker } from '../../support/docker.ts';
import { ownedDockerResources } from '../../support/ownedDockerResources.ts';
import { runAndKill } from '../../support/runAbandoned.ts';

describeWithDocker('Docker leftovers of a run that was killed', () => {
  test('containers and network of a SIGKILLed run are removed by the next start, others are kept', async () => {
    await using live = await TracedContainer.fromNodeService(exampleService('inventory'))
      .withServiceName('inventory')
      .withPort(3000)
      .start();
    const run = await runAndKill('container');
    const left = await ownedDockerResources(run.pid);
    expect(left.containers).toHaveLength(3);
    expect(left.networks).toHaveLength(1);

    const removed = await removeLeftovers({ host: run.ownerHost });

    expect(removed).toEqual({ containers: 3, networks: 1 });
    expect(await ownedDockerResources(run.pid)).toEqual({ containers: [], networks: [] });
    expect((await fetch(`${live.url}/health`)).status).toBe(200);
  });
});

describe('process leftovers of a run that was killed', () => {
  test('service processes of a SIGKILLed run are killed by the next start', async () => {
    const run = await runAndKill('process');
    expect(run.servicePids).toHaveLength(3);
    expect(run.servicePids.every(isProcessAlive)).toBe(true);

    expect(killOrphanedProcesses({ host: run.ownerHost })).toBe(3);

    await expect.poll(() => run.servicePids.filter(isProcessAlive), { timeout: 5_000 }).toEqual([]);
  });
});
