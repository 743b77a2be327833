import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ownerHost } from '../labels.ts';
import { isProcessAlive } from './isProcessAlive.ts';

/** Child processes started by tracespec, one file per child, so that a later run can kill those of a dead one. */
const DIRECTORY = join(tmpdir(), 'tracespec-processes');

interface Entry {
  readonly owner: number;
  readonly host: string;
  readonly cmdline: string;
}

function cmdlineOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Records a child process of this process with the command line it was spawned with. (Reading /proc right after
 * spawn can still show the forked parent's command line, before exec, so that a later run would not recognise it.)
 */
export function registerProcess(pid: number, argv: readonly string[]): void {
  mkdirSync(DIRECTORY, { recursive: true });
  const entry: Entry = { owner: process.pid, host: ownerHost(), cmdline: argv.map((arg) => `${arg}\u0000`).join('') };
  writeFileSync(join(DIRECTORY, `${pid}.json`), JSON.stringify(entry));
}

/** Forgets a child process that was stopped. */
export function unregisterProcess(pid: number): void {
  rmSync(join(DIRECTORY, `${pid}.json`), { force: true });
}

/**
 * Kills the service processes that a killed test run started and left running (their owner is gone), when the
 * pid still runs the same command (a reused pid is left alone). `TracedProcess` calls it once per process before
 * its first start; call it yourself in a global setup to clean up earlier. Only runs of the same owner host
 * (`TRACESPEC_OWNER_HOST` or the host name, or `options.host`) are judged.
 *
 * @example
 * const killed = killOrphanedProcesses();
 */
export function killOrphanedProcesses(options: { readonly host?: string } = {}): number {
  const host = options.host ?? ownerHost();
  let killed = 0;
  let files: string[];
  try {
    files = readdirSync(DIRECTORY);
  } catch {
    return 0;
  }
  for (const file of files) {
    const pid = Number.parseInt(file, 10);
    let entry: Entry;
    try {
      entry = JSON.parse(readFileSync(join(DIRECTORY, file), 'utf8')) as Entry;
    } catch {
      continue;
    }
    if (entry.host !== host || isProcessAlive(entry.owner)) continue;
    if (isProcessAlive(pid) && entry.cmdline !== '' && cmdlineOf(pid) === entry.cmdline) {
      process.kill(pid, 'SIGKILL');
      killed++;
    }
    rmSync(join(DIRECTORY, file), { force: true });
  }
  return killed;
}
