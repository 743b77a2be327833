import type { DockerEngine, EngineResource } from './DockerEngine.ts';
import { defaultDockerEngine } from './defaultDockerEngine.ts';
import { isProcessAlive } from './isProcessAlive.ts';
import { MANAGED_LABEL, OWNER_HOST_LABEL, OWNER_PID_LABEL, ownerHost } from './labels.ts';
import { untraced } from './untraced.ts';

/** What {@link removeLeftovers} removed. */
export interface LeftoversRemoved {
  readonly containers: number;
  readonly networks: number;
}

/** Options of {@link removeLeftovers}; the defaults look at this machine's processes. */
export interface RemoveLeftoversOptions {
  readonly engine?: DockerEngine;
  readonly isAlive?: (pid: number) => boolean;
  /** Only resources labelled with this owner host are judged (default: `TRACESPEC_OWNER_HOST` or the host name). */
  readonly host?: string;
}

function isLeftover(resource: EngineResource, host: string, isAlive: (pid: number) => boolean): boolean {
  // Resources of another machine sharing the engine are judged there, not here.
  if (resource.labels[OWNER_HOST_LABEL] !== host) return false;
  return !isAlive(Number(resource.labels[OWNER_PID_LABEL]));
}

/**
 * Removes the containers and networks that tracespec created in a run that died before it could clean up (its
 * owning process is gone). Resources of live runs, including parallel test workers, are left alone. Called by
 * every `start()` once per process; call it yourself in a global setup to clean before anything starts.
 *
 * @example
 * const removed = await removeLeftovers();
 * console.log(`${removed.containers} containers, ${removed.networks} networks left by a killed run`);
 */
export function removeLeftovers(options: RemoveLeftoversOptions = {}): Promise<LeftoversRemoved> {
  return untraced(() => removeLeftoversNow(options));
}

async function removeLeftoversNow(options: RemoveLeftoversOptions): Promise<LeftoversRemoved> {
  const engine = options.engine ?? (await defaultDockerEngine());
  const isAlive = options.isAlive ?? isProcessAlive;
  const host = options.host ?? ownerHost();
  const containers = (await engine.listContainers(MANAGED_LABEL)).filter((c) => isLeftover(c, host, isAlive));
  await Promise.all(containers.map((c) => engine.removeContainer(c.id)));
  // Networks last: Docker refuses to remove a network that still has containers attached.
  const networks = (await engine.listNetworks(MANAGED_LABEL)).filter((n) => isLeftover(n, host, isAlive));
  await Promise.all(networks.map((n) => engine.removeNetwork(n.id)));
  return { containers: containers.length, networks: networks.length };
}

let once: Promise<LeftoversRemoved> | undefined;

/** {@link removeLeftovers} at most once per process (the first container or environment start). */
export function removeLeftoversOnce(): Promise<LeftoversRemoved> {
  once ??= removeLeftovers();
  return once;
}
