import { readFile } from 'node:fs/promises';
import type { Span } from '../model/Span.ts';
import { TraceSet } from '../model/TraceSet.ts';
import { decodeOtlpJson } from '../receive/otlp/json/decodeOtlpJson.ts';

/**
 * Reads a saved trace file with the collector's OTLP/JSON decoder: `TracesData` (what tracespec's reporter writes),
 * or JSON lines of it (what the OpenTelemetry Collector's file exporter writes).
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
    return TraceSet.fromSpans(decode(text, path));
  } catch (error) {
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    if (lines.length > 1) {
      try {
        return TraceSet.fromSpans(lines.flatMap((line) => decode(line, path)));
      } catch {
        // Report the error of the whole file below: it names the expected format.
      }
    }
    throw new Error(
      `[tracespec] ${path} is not an OTLP/JSON trace file (TracesData with "resourceSpans"): ${(error as Error).message}`,
    );
  }
}

function decode(text: string, path: string): readonly Span[] {
  // The decoder takes a body without "resourceSpans" as an empty export; a file without it is no trace file.
  const parsed: unknown = JSON.parse(text);
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    !Array.isArray((parsed as { resourceSpans?: unknown }).resourceSpans)
  ) {
    throw new Error('no "resourceSpans" array');
  }
  const decoded = decodeOtlpJson(text, 'file');
  if (decoded.rejected > 0) {
    throw new Error(`${decoded.rejected} span(s) of ${path} are invalid: ${decoded.problems.join('; ')}`);
  }
  return decoded.spans;
}
