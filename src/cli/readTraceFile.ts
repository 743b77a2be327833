import { readFile } from 'node:fs/promises';
import { TraceSet } from '../model/TraceSet.ts';
import { fromOtlpJson } from '../render/fromOtlpJson.ts';

/**
 * Reads a saved trace file: OTLP/JSON `TracesData` (what tracespec's reporter writes), or JSON lines of it (what
 * the OpenTelemetry Collector's file exporter writes).
 *
 * @example
 * const set = await readTraceFile('.tracespec/failed/checkout.otlp.json');
 */
export async function readTraceFile(path: string): Promise<TraceSet> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`[tracespec] cannot read the trace file ${path}: ${(error as Error).message}`);
  }
  try {
    return TraceSet.fromSpans(fromOtlpJson(JSON.parse(text)));
  } catch (error) {
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    if (lines.length > 1) {
      try {
        return TraceSet.fromSpans(lines.flatMap((line) => fromOtlpJson(JSON.parse(line))));
      } catch {
        // Report the error of the whole file below: it names the expected format.
      }
    }
    throw new Error(
      `[tracespec] ${path} is not an OTLP/JSON trace file: ${(error as Error).message.replace('[tracespec] ', '')}`,
    );
  }
}
