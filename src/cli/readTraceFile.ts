import { readFile } from 'node:fs/promises';
import type { Span } from '../model/Span.ts';
import { TraceSet } from '../model/TraceSet.ts';
import { decodeOtlpJson } from '../receive/otlp/json/decodeOtlpJson.ts';
import { decodeZipkinJson } from '../receive/zipkin/decodeZipkinJson.ts';

/**
 * Reads a saved trace file with the collector's decoders: OTLP/JSON `TracesData` (what tracespec's reporter
 * writes), JSON lines of it (what the OpenTelemetry Collector's file exporter writes, and the reporter's
 * `traces.otlp.jsonl`), or a Zipkin v2 JSON span list (what Zipkin's API returns).
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
      `[tracespec] ${path} is not an OTLP/JSON trace file (TracesData with "resourceSpans") nor a Zipkin v2 JSON span list: ${(error as Error).message}`,
    );
  }
}

function decode(text: string, path: string): readonly Span[] {
  // The decoder takes a body without "resourceSpans" as an empty export; a file without it is no trace file.
  const parsed: unknown = JSON.parse(text);
  if (Array.isArray(parsed)) {
    const zipkin = decodeZipkinJson(text);
    if (zipkin.rejected > 0) {
      throw new Error(`${zipkin.rejected} Zipkin span(s) of ${path} are invalid: ${zipkin.problems.join('; ')}`);
    }
    return zipkin.spans;
  }
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
