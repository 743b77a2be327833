import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { TraceSet } from '../model/TraceSet.ts';
import { toOtlpJson } from '../receive/otlp/json/toOtlpJson.ts';
import { renderTraceReport } from '../render/renderTraceReport.ts';

/**
 * The files {@link writeTraceFiles} wrote.
 *
 * @example
 * const { otlpJson, text } = await writeTraceFiles(set, 'artifacts/checkout');
 */
export interface TraceFiles {
  /** OTLP/JSON, for OTLP tools, Jaeger's UI and `tracespec show`. */
  readonly otlpJson: string;
  /** The trees as text, every span with its attributes. */
  readonly text: string;
}

/**
 * Writes traces as `<base>.otlp.json` and `<base>.tree.txt`, creating the folder.
 *
 * @example
 * const files = await writeTraceFiles(traces.traceSet(), 'artifacts/checkout');
 * // { otlpJson: 'artifacts/checkout.otlp.json', text: 'artifacts/checkout.tree.txt' }
 */
export async function writeTraceFiles(set: TraceSet, base: string): Promise<TraceFiles> {
  await mkdir(dirname(base), { recursive: true });
  const files = { otlpJson: `${base}.otlp.json`, text: `${base}.tree.txt` };
  await writeFile(files.otlpJson, `${JSON.stringify(toOtlpJson(set.spans), null, 2)}\n`);
  await writeFile(files.text, `${renderTraceReport(set)}\n`);
  return files;
}
