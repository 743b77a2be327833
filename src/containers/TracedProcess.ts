import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleNodeService } from './bundleNodeService.ts';
import { freePort } from './freePort.ts';
import type { NodeService } from './NodeService.ts';
import { OutputBuffer } from './OutputBuffer.ts';
import { killOrphanedProcesses, registerProcess } from './processRegistry.ts';
import { readinessProbe } from './readinessProbe.ts';
import { StartedTracedProcess } from './StartedTracedProcess.ts';
import type { StartedTracedService } from './StartedTracedService.ts';
import { serviceEnvironment } from './serviceEnvironment.ts';
import type { LaunchContext } from './TracedServiceBuilder.ts';
import { TracedServiceBuilder } from './TracedServiceBuilder.ts';
import { waitForHttp } from './waitForHttp.ts';

type CommandSource = { readonly command: string; readonly args: readonly string[] } | { readonly service: NodeService };

let orphansKilled = false;

async function commandOf(source: CommandSource): Promise<{ command: string; args: readonly string[] }> {
  if ('command' in source) return source;
  const bundle = await bundleNodeService(source.service);
  const directory = join(tmpdir(), 'tracespec-bundles');
  await mkdir(directory, { recursive: true });
  const file = join(directory, `${bundle.hash.slice(0, 24)}.cjs`);
  await writeFile(file, bundle.code);
  return { command: process.execPath, args: [file] };
}

/**
 * The same traced service as a child process on this machine, no Docker needed: for fast local loops and
 * machines without an engine. It listens on 127.0.0.1 (`PORT`, a free port unless `withPort()` says otherwise)
 * and exports to the target's own address. `stop()` sends SIGTERM and waits up to the flush timeout.
 * The process starts with a clean environment (`PATH` plus the service's variables), so the test runner's
 * `NODE_OPTIONS` and `OTEL_*` settings do not leak into it.
 *
 * @example
 * await using orders = await TracedProcess.fromNodeService({ entry })
 *   .withServiceName('orders')
 *   .withExporter(collector)
 *   .withReadyPath('/health')
 *   .start();
 */
export class TracedProcess extends TracedServiceBuilder {
  #source: CommandSource;

  /** Runs `command args...`; the program must listen on `PORT`. */
  constructor(command: string, args: readonly string[] = []) {
    super();
    this.#source = { command, args };
  }

  /** Runs the bundle of `service` (the same one a container would get) with this process's Node binary. */
  static fromNodeService(service: NodeService): TracedProcess {
    const builder = new TracedProcess(process.execPath);
    builder.#source = { service };
    return builder;
  }

  /** Starts the process and waits until it answers HTTP. @internal */
  async launch(context: LaunchContext): Promise<StartedTracedService> {
    const serviceName = this.requireServiceName('TracedProcess');
    const { startupTimeoutMs, flushTimeoutMs } = this.settings;
    const probe = readinessProbe(this.settings);
    if (!orphansKilled) {
      orphansKilled = true;
      killOrphanedProcesses();
    }
    const [{ command, args }, port] = await Promise.all([
      commandOf(this.#source),
      this.settings.port === 0 ? freePort() : this.settings.port,
    ]);
    const environment = serviceEnvironment(this.settings, {
      serviceName,
      port,
      exporterHost: undefined,
      serviceUrls: context.serviceUrls,
      ...(context.linkUrls ? { linkUrls: context.linkUrls } : {}),
    });
    const child = spawn(command, [...args], {
      env: { PATH: process.env.PATH ?? '', ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = new OutputBuffer();
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    const started = new StartedTracedProcess(serviceName, child, port, output, flushTimeoutMs);
    if (child.pid !== undefined) registerProcess(child.pid, [command, ...args]);
    const exited = started.exited.then((code) => {
      throw new Error(`[tracespec] process "${serviceName}" exited (${code}) before it was ready.`);
    });
    exited.catch(() => {});
    try {
      await waitForHttp(`${started.url}${probe.path}`, {
        requireOk: probe.requireOk,
        timeoutMs: startupTimeoutMs,
        abort: exited,
      });
      return started;
    } catch (error) {
      await started.stop();
      throw new Error(`${(error as Error).message}\nIts output:\n${output.toString() || '(nothing)'}`, {
        cause: error,
      });
    }
  }
}
