// Decoding speed of the collector's receivers: OTLP protobuf and JSON requests of 1000 realistic spans, made by
// OpenTelemetry's own serializers. Run: `npx node bench/receiveDecode.ts`.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { decodeOtlpJson } from '../src/receive/otlp/decodeOtlpJson.ts';
import { decodeOtlpProtobuf } from '../src/receive/otlp/decodeOtlpProtobuf.ts';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({
  resource: resourceFromAttributes({ 'service.name': 'bench', 'host.name': 'bench-host', 'process.pid': 1 }),
  spanProcessors: [new SimpleSpanProcessor(exporter)],
});
const tracer = provider.getTracer('bench', '1.0.0');
for (let i = 0; i < 1000; i++) {
  const span = tracer.startSpan('GET /items/:id', {
    kind: SpanKind.SERVER,
    attributes: {
      'http.request.method': 'GET',
      'http.route': '/items/:id',
      'http.response.status_code': 200,
      'url.full': `http://localhost/items/${i}`,
    },
  });
  span.addEvent('cache miss', { key: `item:${i}` });
  span.setStatus({ code: SpanStatusCode.OK });
  span.end();
}
const spans = exporter.getFinishedSpans();
const protobuf = ProtobufTraceSerializer.serializeRequest(spans) ?? new Uint8Array();
const json = new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans));

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
