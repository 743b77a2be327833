import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { MUTANT_ENV } from './mutantPlugin.ts';
import { ORDER_ENV } from './orderedSequencer.ts';

function failedFiles(reportFile: string, root: string): readonly string[] {
  if (!existsSync(reportFile)) return [];
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { testResults?: { name: string; status: string }[] };
  return (report.testResults ?? [])
    .filter((result) => result.status === 'failed')
    .map((result) => relative(root, result.name).split('\\').join('/'));
}

const running = new Set<number>();

/** Kills the process groups of the vitest runs still going (for a runner that is being interrupted). */
export function stopRunningTests(): void {
  for (const pid of running) process.kill(-pid, 'SIGKILL');
  running.clear();
}

/** How one vitest run over a set of test files ended. */
export interface RunOutcome {
  readonly status: 'passed' | 'failed' | 'timeout';
  readonly milliseconds: number;
  /** The end of vitest's output (the failure, when there was one). */
  readonly output: string;
  /** The test files with a failed test (relative to the root); empty when vitest failed before running any. */
  readonly failedFiles: readonly string[];
}

export interface RunOptions {
  readonly root: string;
  readonly tests: readonly string[];
  /** The mutated source, or none for a run of the unchanged sources. */
  readonly mutant?: { readonly file: string; readonly code: string };
  readonly timeoutMs: number;
  /** Stop at the first failing test (a mutant needs one failure to be killed). */
  readonly bail: boolean;
}

/**
 * Runs the given unit test files with vitest (scripts/mutation/vitest.config.ts), the mutant served by the mutant
 * plugin; the sources on disk are never written. The whole process group is killed when the deadline passes.
 */
export async function runTests(options: RunOptions): Promise<RunOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'tracespec-mutant-'));
  try {
    // A run started from inside a vitest worker (the tool's own test) must not look like one to the child vitest.
    const inherited = Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== MUTANT_ENV);
    const env: NodeJS.ProcessEnv = { ...Object.fromEntries(inherited), [ORDER_ENV]: JSON.stringify(options.tests) };
    if (options.mutant !== undefined) {
      const path = join(dir, 'mutant.json');
      writeFileSync(path, JSON.stringify({ file: join(options.root, options.mutant.file), code: options.mutant.code }));
      env[MUTANT_ENV] = path;
    }
    const args = [
      join(options.root, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--config',
      'scripts/mutation/vitest.config.ts',
      '--reporter=dot',
      '--maxWorkers=2',
      ...(options.bail ? ['--bail=1'] : []),
      '--reporter=json',
      `--outputFile.json=${join(dir, 'report.json')}`,
      ...options.tests,
    ];
    const started = Date.now();
    const child = spawn(process.execPath, args, {
      cwd: options.root,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid !== undefined) running.add(child.pid);
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, options.timeoutMs);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);
    if (child.pid !== undefined) running.delete(child.pid);
    const milliseconds = Date.now() - started;
    const status = timedOut ? 'timeout' : code === 0 ? 'passed' : 'failed';
    return {
      status,
      milliseconds,
      output,
      failedFiles: status === 'failed' ? failedFiles(join(dir, 'report.json'), options.root) : [],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
