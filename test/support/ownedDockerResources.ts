// What this test process has running in Docker, by tracespec's owner labels: proves that nothing was left behind.
import { defaultDockerEngine } from '../../src/containers/index.ts';

const OWNER_PID = 'dev.tracespec.owner-pid';

/** Ids of the containers and networks owned by process `pid` (this one by default). */
export async function ownedDockerResources(pid = process.pid): Promise<{ containers: string[]; networks: string[] }> {
  const engine = await defaultDockerEngine();
  const mine = (resources: readonly { id: string; labels: Readonly<Record<string, string>> }[]) =>
    resources.filter((resource) => resource.labels[OWNER_PID] === String(pid)).map((resource) => resource.id);
  return {
    containers: mine(await engine.listContainers('dev.tracespec.managed')),
    networks: mine(await engine.listNetworks('dev.tracespec.managed')),
  };
}
