import { renderTraceReport } from '../render/renderTraceReport.ts';
import { diffSnapshots } from '../snapshot/diffSnapshots.ts';
import { normalizeTraces } from '../snapshot/normalizeTraces.ts';
import { renderSnapshot } from '../snapshot/renderSnapshot.ts';
import { renderSnapshotDiff } from '../snapshot/renderSnapshotDiff.ts';
import { readSnapshotFile } from './readSnapshotFile.ts';
import { readTraceFile } from './readTraceFile.ts';

/** Where the command line writes. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `Usage:
  tracespec show <file> [--shape]   print a saved trace file as a tree (--shape: as its snapshot shape)
  tracespec diff <a> <b>            print the shape difference of two saved traces (exit code 1 when they differ)

Trace files are OTLP/JSON, as tracespec's reporter writes them for failed tests; diff also takes stored trace
snapshots (the .trace.txt files of toMatchFileSnapshot).`;

/**
 * The `tracespec` command line; returns the exit code (0 ok, 1 the traces differ, 2 a usage or file error).
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), { out: console.log, err: console.error });
 */
export async function runCli(args: readonly string[], io: CliOutput): Promise<number> {
  const [command, ...rest] = args;
  const flags = rest.filter((arg) => arg.startsWith('--'));
  const files = rest.filter((arg) => !arg.startsWith('--'));
  try {
    if (command === 'show' && files.length === 1 && flags.every((flag) => flag === '--shape')) {
      const set = await readTraceFile(files[0] as string);
      io.out(flags.includes('--shape') ? renderSnapshot(normalizeTraces(set)) : renderTraceReport(set));
      return 0;
    }
    if (command === 'diff' && files.length === 2 && flags.length === 0) {
      const [a, b] = await Promise.all([readSnapshotFile(files[0] as string), readSnapshotFile(files[1] as string)]);
      const changes = diffSnapshots(a, b);
      io.out(renderSnapshotDiff(changes));
      return changes.length === 0 ? 0 : 1;
    }
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    io.err(`[tracespec] unknown command or arguments: ${args.join(' ')}\n\n${USAGE}`);
    return 2;
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 2;
  }
}
