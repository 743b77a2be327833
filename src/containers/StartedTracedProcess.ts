import type { ChildProcess } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import type { OutputBuffer } from './OutputBuffer.ts';
import { unregisterProcess } from './processRegistry.ts';
import type { StartedTracedService } from './StartedTracedService.ts';
import { untraced } from './untraced.ts';

/** Children still running when this process exits without stopping them are killed, not leaked. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * A running {@link TracedProcess}. `stop()` sends SIGTERM, waits for the exit up to the flush timeout (the
 * service flushes its spans meanwhile), then sends SIGKILL; calling it twice is harmless.
 *
 * @example
 * const orders = await TracedProcess.fromNodeService(service).withServiceName('orders').start();
 * await orders.stop();
 */
export class StartedTracedProcess implements StartedTracedService {
  readonly serviceName: string;
  readonly host = '127.0.0.1';
  readonly port: number;
  readonly url: string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  readonly exited: Promise<number | string>;
  readonly #child: ChildProcess;
  readonly #output: OutputBuffer;
  readonly #flushTimeoutMs: number;
  #stopping: Promise<void> | undefined;

  constructor(serviceName: string, child: ChildProcess, port: number, output: OutputBuffer, flushTimeoutMs: number) {
    this.serviceName = serviceName;
    this.#child = child;
    this.port = port;
    this.url = `http://${this.host}:${port}`;
    this.#output = output;
    this.#flushTimeoutMs = flushTimeoutMs;
    running.add(child);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
      child.once('error', (error) => {
        output.push(`[tracespec] could not run the process: ${error.message}\n`);
        resolve('spawn error');
      });
    });
    void this.exited.then(() => {
      running.delete(child);
      if (child.pid !== undefined) unregisterProcess(child.pid);
    });
  }

  /** The child's pid. */
  get pid(): number | undefined {
    return this.#child.pid;
  }

  output(): string {
    return this.#output.toString();
  }

  stop(): Promise<void> {
    this.#stopping ??= untraced(() => this.#stop());
    return this.#stopping;
  }

  async #stop(): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null || this.#child.pid === undefined) {
      await this.exited;
      return;
    }
    this.#child.kill('SIGTERM');
    const timer = new AbortController();
    const inTime = await Promise.race([
      this.exited.then(() => true),
      delay(this.#flushTimeoutMs, false, { signal: timer.signal }).catch(() => false),
    ]);
    timer.abort();
    if (!inTime) this.#child.kill('SIGKILL');
    await this.exited;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.stop();
  }
}
