import { request } from 'node:http';
import type { TestProject } from 'vitest/node';

/** Whether a Docker engine answered, for suites that need one. */
export interface DockerStatus {
  readonly available: boolean;
  readonly reason?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    docker: DockerStatus;
  }
}

/**
 * Asks the Docker engine for `/_ping` once per run. Outside CI a missing engine skips the Docker suites (the
 * reason printed once); with CI=true or TRACESPEC_REQUIRE_DOCKER=1 it fails the run instead.
 */
export default async function setup(project: TestProject): Promise<void> {
  const status = await pingDocker(socketPath(), 5_000);
  const required = process.env.CI === 'true' || process.env.TRACESPEC_REQUIRE_DOCKER === '1';
  if (!status.available && required) {
    throw new Error(
      `[tracespec] Docker is required here (CI=true or TRACESPEC_REQUIRE_DOCKER=1), but ${status.reason}. ` +
        'Start a Docker engine (see README: Requirements) or unset CI to skip the Docker suites.',
    );
  }
  if (!status.available && process.env.TRACESPEC_DOCKER_NOTICE !== 'printed') {
    process.env.TRACESPEC_DOCKER_NOTICE = 'printed';
    console.warn(`[tracespec] Docker suites are skipped: ${status.reason}.`);
  }
  project.provide('docker', status);
}

function socketPath(): string {
  const host = process.env.DOCKER_HOST;
  if (host?.startsWith('unix://')) return host.slice('unix://'.length);
  return '/var/run/docker.sock';
}

function pingDocker(path: string, timeoutMs: number): Promise<DockerStatus> {
  return new Promise((resolve) => {
    const req = request({ socketPath: path, path: '/_ping', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(
        res.statusCode === 200
          ? { available: true }
          : { available: false, reason: `the Docker engine at ${path} answered /_ping with HTTP ${res.statusCode}` },
      );
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs}ms`)));
    req.on('error', (error) =>
      resolve({ available: false, reason: `no Docker engine answers at ${path} (${error.message})` }),
    );
    req.end();
  });
}
