import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const LIB = '/usr/lib/postgresql';
const PORT = 5432;

/** A PostgreSQL server of Debian's `postgresql` package, running on a unix socket in its own temporary folder. */
export interface StartedPostgres extends AsyncDisposable {
  /** The folder holding the socket: `pg`'s `host`. */
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly database: string;
  stop(): Promise<void>;
}

/**
 * Starts a throw-away PostgreSQL cluster: `initdb` into a temporary folder, then `pg_ctl start -w`, which returns
 * once the server accepts connections (or fails after `deadlineSeconds`, with the server's log in the error).
 * PostgreSQL refuses to run as root: as root, it runs as the `postgres` user the package creates. It listens on a
 * unix socket only (no TCP port to collide with other runs). `stop()` stops it and removes the folder.
 */
export async function startPostgres(deadlineSeconds = 60): Promise<StartedPostgres> {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  // As root, the postgres user must reach the folder: /tmp is open to all (a root-only TMPDIR may not be), and its
  // short path keeps the socket's path under the 107 bytes a unix socket allows.
  const root = await mkdtemp(join(asRoot ? '/tmp' : tmpdir(), 'tracespec-pg-'));
  const data = join(root, 'data');
  const socket = join(root, 'socket');
  const log = join(root, 'server.log');
  const user = asRoot ? 'postgres' : userInfo().username;
  const as = (command: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args]) : run(join(bin, command), args);
  const stop = async () => {
    if (existsSync(join(data, 'postmaster.pid'))) {
      await as('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w', '-t', String(deadlineSeconds)]).catch(
        () => undefined,
      );
    }
    await rm(root, { recursive: true, force: true });
  };
  try {
    await mkdir(socket);
    if (asRoot) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const { stdout: group } = await run('id', ['-g', 'postgres']);
      for (const path of [root, socket]) await chown(path, Number(stdout.trim()), Number(group.trim()));
    }
    await as('initdb', ['-D', data, '-U', user, '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
    const options = `-c listen_addresses='' -k ${socket} -p ${PORT} -c fsync=off`;
    await as('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', String(deadlineSeconds), '-o', options]);
  } catch (error) {
    const serverLog = await readFile(log, 'utf8').catch(() => '(no server log)');
    await stop();
    throw new Error(`PostgreSQL did not start: ${error instanceof Error ? error.message : error}\n${serverLog}`);
  }
  return { host: socket, port: PORT, user, database: 'postgres', stop, [Symbol.asyncDispose]: stop };
}

/** The newest PostgreSQL that Debian's packages installed. */
function binDir(): string {
  const versions = existsSync(LIB)
    ? readdirSync(LIB)
        .filter((name) => existsSync(join(LIB, name, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest === undefined) {
    throw new Error(`no PostgreSQL server under ${LIB}: install the Debian package "postgresql" (.ci/apt-packages)`);
  }
  return join(LIB, newest, 'bin');
}
