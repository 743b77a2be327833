import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { isProcessAlive } from '../cleanup/isProcessAlive.ts';

const inProcess = new Map<string, Promise<unknown>>();

async function acquire(directory: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let interval = 50;
  for (;;) {
    try {
      await mkdir(directory);
      await writeFile(join(directory, 'owner'), String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number(await readFile(join(directory, 'owner'), 'utf8').catch(() => ''));
    // A lock whose owner died (or never wrote its pid and is old) would block every later build.
    if (owner > 0 && !isProcessAlive(owner)) {
      await rm(directory, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `[tracespec] image build lock ${directory} still held by pid ${owner || '?'} after ${timeoutMs}ms; remove the directory if no build runs.`,
      );
    }
    await delay(interval);
    interval = Math.min(1_000, interval * 2);
  }
}

/**
 * Runs `build` for `key` once at a time across this process and other processes on the machine (parallel test
 * workers), so that two builds of the same tag do not leave an untagged (dangling) image behind.
 */
export function withBuildLock<T>(key: string, build: () => Promise<T>, timeoutMs = 300_000): Promise<T> {
  const running = inProcess.get(key) as Promise<T> | undefined;
  if (running) return running;
  const directory = join(tmpdir(), `tracespec-build-${key.replace(/[^\w.-]/g, '_')}.lock`);
  const task = (async () => {
    await acquire(directory, timeoutMs);
    try {
      return await build();
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  })().finally(() => inProcess.delete(key));
  inProcess.set(key, task);
  return task;
}
