import { basename, dirname, join, resolve } from 'node:path';
import { renderTraceReport } from '../render/renderTraceReport.ts';
import { writeTracePage } from '../reporter/writeTracePage.ts';
import { diffSnapshots } from '../snapshot/diffSnapshots.ts';
import { normalizeTraces } from '../snapshot/normalizeTraces.ts';
import { redactTraces } from '../snapshot/redactTraces.ts';
import { renderSnapshot } from '../snapshot/renderSnapshot.ts';
import { renderSnapshotDiff } from '../snapshot/renderSnapshotDiff.ts';
import { reportRedactions } from '../snapshot/reportRedactions.ts';
import { readShownFile } from './readShownFile.ts';
import { readSnapshotFile } from './readSnapshotFile.ts';

/** Where the command line writes, and how it opens a file for `--open`. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
  /** Opens a file in the desktop's browser (`show --open`). Without it, `--open` is an error. */
  open?(path: string): Promise<void>;
}

const USAGE = `Usage:
  tracespec show <file> [--shape]   print a saved trace file as a tree (--shape: as its snapshot shape)
  tracespec show <file> --html [--out <page.html>] [--open]
                                    write the traces as an HTML page (waterfall, service map, span details):
                                    next to the file as <name>.trace.html unless --out says where; --open opens it
  tracespec diff <a> <b>            print the shape difference of two saved traces (exit code 1 when they differ)

Trace files are OTLP/JSON (as tracespec's reporter writes them for failed tests), JSON lines of it (the
OpenTelemetry file exporter's format), or Zipkin v2 JSON; show and diff also take stored trace snapshots (the
.trace.txt files of toMatchFileSnapshot) and a failed test's .tree.txt or .html (they read the .otlp.json beside
it). Values are redacted as in the reporter's files.`;

/**
 * The `tracespec` command line; returns the exit code (0 ok, 1 the traces differ, 2 a usage or file error).
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), { out: console.log, err: console.error });
 */
export async function runCli(args: readonly string[], io: CliOutput): Promise<number> {
  const [command, ...rest] = args;
  const parsed = parseArguments(rest);
  try {
    if (command === 'show' && parsed !== undefined && parsed.files.length === 1) {
      const file = parsed.files[0] as string;
      const { flags } = parsed;
      if (flags.has('html') || flags.has('open') || parsed.out !== undefined) {
        if (flags.has('shape')) return usage(io, args, '--shape prints text; it cannot be combined with --html');
        return await showHtml(file, parsed.out, flags.has('open'), io);
      }
      if ([...flags].some((flag) => flag !== 'shape')) return usage(io, args);
      const shown = await readShownFile(file);
      // A stored snapshot is a shape already (no times to draw): it prints as it is.
      if (shown.timeless) {
        io.out(renderSnapshot(await readSnapshotFile(file)));
        return 0;
      }
      const set = redactTraces(shown.traces, reportRedactions);
      io.out(flags.has('shape') ? renderSnapshot(normalizeTraces(set)) : renderTraceReport(set));
      return 0;
    }
    if (command === 'diff' && parsed !== undefined && parsed.files.length === 2 && parsed.flags.size === 0) {
      const [a, b] = await Promise.all([
        readSnapshotFile(parsed.files[0] as string),
        readSnapshotFile(parsed.files[1] as string),
      ]);
      const changes = diffSnapshots(a, b);
      io.out(renderSnapshotDiff(changes));
      return changes.length === 0 ? 0 : 1;
    }
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    return usage(io, args);
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 2;
  }
}

async function showHtml(file: string, out: string | undefined, open: boolean, io: CliOutput): Promise<number> {
  if (open && io.open === undefined) {
    io.err('[tracespec] --open is not available here; open the written page in a browser yourself.');
    return 2;
  }
  const shown = await readShownFile(file);
  const name = basename(file).replace(/(\.otlp)?\.jsonl?$|(\.trace)?\.txt$/i, '');
  const target = resolve(out ?? join(dirname(file), `${name}.trace.html`));
  const traces = shown.traces.size;
  await writeTracePage(target, {
    title: basename(file),
    subtitle: `${shown.kind === 'trace snapshot' ? 'trace snapshot' : 'trace file'} ${resolve(file)} (${traces} trace${traces === 1 ? '' : 's'}, ${shown.traces.spans.length} spans)`,
    traces: shown.traces,
    timeless: shown.timeless,
  });
  io.out(`written ${target}`);
  if (open) await io.open?.(target);
  return 0;
}

interface Arguments {
  readonly files: readonly string[];
  readonly flags: ReadonlySet<string>;
  readonly out?: string;
}

/** Files, `--flags`, and `--out <path>` / `--out=<path>`; undefined when `--out` has no value. */
function parseArguments(args: readonly string[]): Arguments | undefined {
  const files: string[] = [];
  const flags = new Set<string>();
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--out') {
      out = args[++i];
      if (out === undefined) return undefined;
    } else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else if (arg.startsWith('--')) flags.add(arg.slice(2));
    else files.push(arg);
  }
  return out === undefined ? { files, flags } : { files, flags, out };
}

function usage(io: CliOutput, args: readonly string[], why?: string): number {
  io.err(`[tracespec] ${why ?? `unknown command or arguments: ${args.join(' ')}`}\n\n${USAGE}`);
  return 2;
}
