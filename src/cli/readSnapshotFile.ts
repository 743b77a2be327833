import { readFile } from 'node:fs/promises';
import { normalizeTraces } from '../snapshot/normalizeTraces.ts';
import { parseSnapshot } from '../snapshot/parseSnapshot.ts';
import type { TraceSnapshot } from '../snapshot/TraceSnapshot.ts';
import { dataFileOf } from './dataFileOf.ts';
import { readTraceFile } from './readTraceFile.ts';

/**
 * The snapshot of a file for `tracespec diff`: an OTLP/JSON trace file is normalized, a stored trace snapshot
 * (`.trace.txt` of `toMatchFileSnapshot`) is read back as it is.
 *
 * @example
 * const before = await readSnapshotFile('__snapshots__/checkout.trace.txt');
 */
export async function readSnapshotFile(path: string): Promise<TraceSnapshot> {
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch {
    // readTraceFile below reports the unreadable file.
  }
  if (/^\s*(trace \d+ \(|no traces)/.test(text)) return parseSnapshot(text);
  return normalizeTraces(await readTraceFile(await dataFileOf(path)));
}
