// Decoding speed of the collector's receivers: OTLP protobuf and JSON requests of 1000 realistic spans, made by
// OpenTelemetry's own serializers. Run: `npx node bench/receiveDecode.ts`.
import { decodeOtlpJson } from '../src/receive/otlp/json/decodeOtlpJson.ts';
import { decodeOtlpProtobuf } from '../src/receive/otlp/proto/decodeOtlpProtobuf.ts';
import { otlpPayloads } from './support/otlpPayloads.ts';

const { protobuf, json } = otlpPayloads(1000);

function measure(label: string, decode: () => number): void {
  for (let i = 0; i < 100; i++) decode();
  const runs = 300;
  const started = performance.now();
  let decoded = 0;
  for (let i = 0; i < runs; i++) decoded += decode();
  const ms = performance.now() - started;
  console.log(`${label}: ${Math.round((decoded / ms) * 1000)} spans/s, ${(ms / runs).toFixed(2)} ms per request`);
}

console.log(`1000 spans: ${protobuf.length} bytes protobuf, ${json.length} bytes JSON`);
measure('OTLP protobuf -> Span', () => decodeOtlpProtobuf(protobuf, 'otlp-http').spans.length);
measure('OTLP JSON -> Span', () => decodeOtlpJson(json, 'otlp-http').spans.length);
