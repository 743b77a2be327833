import { describe, expect, test } from 'vitest';
import type { DockerEngine, EngineResource } from '../../../src/containers/index.ts';
import { removeLeftovers } from '../../../src/containers/index.ts';

const owned = (id: string, pid: number, host = 'here'): EngineResource => ({
  id,
  labels: { 'dev.tracespec.managed': 'true', 'dev.tracespec.owner-pid': String(pid), 'dev.tracespec.owner-host': host },
});

function fakeEngine(containers: EngineResource[], networks: EngineResource[]) {
  const removed: string[] = [];
  const engine: Pick<DockerEngine, 'listContainers' | 'listNetworks' | 'removeContainer' | 'removeNetwork'> = {
    listContainers: async () => containers,
    listNetworks: async () => networks,
    removeContainer: async (id) => void removed.push(`container ${id}`),
    removeNetwork: async (id) => void removed.push(`network ${id}`),
  };
  return { engine: engine as DockerEngine, removed };
}

describe('removeLeftovers', () => {
  test('removes what dead processes of this machine left, containers before their networks', async () => {
    const { engine, removed } = fakeEngine([owned('c-dead', 11), owned('c-live', 22)], [owned('n-dead', 11)]);
    const result = await removeLeftovers({ engine, host: 'here', isAlive: (pid) => pid === 22 });
    expect(result).toEqual({ containers: 1, networks: 1 });
    expect(removed).toEqual(['container c-dead', 'network n-dead']);
  });

  test("leaves resources of another machine alone: their owner's pid means nothing here", async () => {
    const { engine, removed } = fakeEngine([owned('c-other', 11, 'elsewhere')], [owned('n-other', 11, 'elsewhere')]);
    await removeLeftovers({ engine, host: 'here', isAlive: () => false });
    expect(removed).toEqual([]);
  });

  test('treats a resource without an owner pid as a leftover', async () => {
    const broken: EngineResource = { id: 'c-broken', labels: { 'dev.tracespec.owner-host': 'here' } };
    const { engine, removed } = fakeEngine([broken], []);
    await removeLeftovers({ engine, host: 'here', isAlive: (pid) => pid > 0 });
    expect(removed).toEqual(['container c-broken']);
  });
});
