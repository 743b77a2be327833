import { networkInterfaces } from 'node:os';
import type { DockerEngine } from './DockerEngine.ts';
import { defaultDockerEngine } from './defaultDockerEngine.ts';

/**
 * Where the host is found from inside a container started by tracespec (mapped with `host-gateway`).
 *
 * @example
 * const url = `http://${HOST_FROM_CONTAINER}:4318`; // the host's collector, seen from a container
 */
export const HOST_FROM_CONTAINER = 'host.docker.internal';

function firstHost(subnet: string | undefined): string | undefined {
  const match = subnet?.match(/^(\d+)\.(\d+)\.(\d+)\.(\d+)\/\d+$/);
  return match ? `${match[1]}.${match[2]}.${match[3]}.${Number(match[4]) + 1}` : undefined;
}

/**
 * The address a host-side server (a collector, a fake) must listen on so that containers reach it as
 * `host.docker.internal`: the gateway of Docker's default bridge, which is what `host-gateway` resolves to.
 * Listening there instead of on all interfaces keeps the server off other networks.
 *
 * @example
 * const host = await hostGatewayAddress(); // e.g. '172.17.0.1'
 * const collector = await startCollector({ host, store });
 */
export async function hostGatewayAddress(engine?: DockerEngine): Promise<string> {
  const bridge = await (engine ?? (await defaultDockerEngine())).bridgeGateway();
  if (bridge.gateway) return bridge.gateway;
  // Docker 20.10 leaves Gateway out of the default bridge's IPAM; the daemon gives docker0 the first address.
  const docker0 = networkInterfaces().docker0?.find((address) => address.family === 'IPv4');
  const address = docker0?.address ?? firstHost(bridge.subnet);
  if (address === undefined) {
    throw new Error(
      '[tracespec] could not find the Docker bridge gateway (no Gateway on network "bridge", no docker0 interface). ' +
        'Pass the address your host server should listen on explicitly.',
    );
  }
  return address;
}
