// Starts test/support/abandonedRun.ts in a child process, waits for it to be ready, and kills it with SIGKILL.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

/** What the killed run left: its pid and the pids of the service processes it had started. */
export interface AbandonedRun {
  readonly pid: number;
  /** Owner host of its resources: private to this run, so that no parallel test file cleans them up first. */
  readonly ownerHost: string;
  readonly servicePids: readonly number[];
}

export async function runAndKill(mode: 'container' | 'process'): Promise<AbandonedRun> {
  const script = fileURLToPath(new URL('./abandonedRun.ts', import.meta.url));
  const ownerHost = `abandoned-${randomUUID()}`;
  const child = spawn(process.execPath, ['--conditions=source', script, mode], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TRACESPEC_OWNER_HOST: ownerHost },
  });
  let output = '';
  const servicePids = await new Promise<number[]>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/^ready (\[.*\])$/m);
      if (match?.[1]) resolve(JSON.parse(match[1]) as number[]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`abandoned run exited (${code}) before it was ready:\n${output}`)));
  });
  const pid = child.pid ?? 0;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return { pid, ownerHost, servicePids };
}
