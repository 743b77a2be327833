import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';

/** One export request of `count` realistic server spans, as the OpenTelemetry JS exporters serialize it. */
export function otlpPayloads(count: number): { protobuf: Uint8Array; json: string } {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'bench', 'host.name': 'bench-host', 'process.pid': 1 }),
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
  });
  const tracer = provider.getTracer('bench', '1.0.0');
  for (let i = 0; i < count; i++) {
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
  return {
    protobuf: ProtobufTraceSerializer.serializeRequest(spans) ?? new Uint8Array(),
    json: new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans)),
  };
}
