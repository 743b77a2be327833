import { readFile } from 'node:fs/promises';
import { TraceSet } from '../model/TraceSet.ts';
import { parseSnapshot } from '../snapshot/parseSnapshot.ts';
import { dataFileOf } from './dataFileOf.ts';
import { readTraceFile } from './readTraceFile.ts';
import { snapshotSpans } from './snapshotSpans.ts';

/**
 * A file `tracespec show` can draw: the traces, and what kind of file they came from.
 *
 * @example
 * const { traces, kind } = await readShownFile('checkout.otlp.json');
 */
export interface ShownFile {
  readonly traces: TraceSet;
  readonly kind: 'trace file' | 'trace snapshot';
  /** True for a snapshot, which holds no ids or times. */
  readonly timeless: boolean;
}

/**
 * Reads any file tracespec writes or reads: OTLP JSON (and JSON lines of it), Zipkin v2 JSON, a stored trace
 * snapshot (`.trace.txt` of `toMatchFileSnapshot`), or a failed test's `.tree.txt` / `.html` (through the
 * `.otlp.json` beside it).
 *
 * @example
 * const shown = await readShownFile('__snapshots__/checkout.trace.txt'); // timeless: true
 */
export async function readShownFile(path: string): Promise<ShownFile> {
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch {
    // readTraceFile below reports the unreadable file.
  }
  if (/^\s*(trace \d+ \(|no traces)/.test(text)) {
    return { traces: TraceSet.fromSpans(snapshotSpans(parseSnapshot(text))), kind: 'trace snapshot', timeless: true };
  }
  return { traces: await readTraceFile(await dataFileOf(path)), kind: 'trace file', timeless: false };
}
