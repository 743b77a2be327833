import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { fromReadableSpan, toOtlpJson } from 'tracespec';
import { startCollector } from 'tracespec/otlp';
import { describe, expect, test } from 'vitest';

function recordSpans() {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'shop', 'deployment.environment': 'test' }),
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
  });
  const tracer = provider.getTracer('checkout', '1.2.3');
  const root = tracer.startSpan('POST /checkout', { kind: SpanKind.SERVER, attributes: { 'http.route': '/checkout' } });
  root.addEvent('validated', { items: 2, ratio: 0.5, ok: true, tags: ['a', 'b'] });
  const rootContext = root.spanContext();
  const child = tracer.startSpan(
    'charge',
    { kind: SpanKind.CLIENT, links: [{ context: rootContext, attributes: { reason: 'retry' } }] },
    trace.setSpan(ROOT_CONTEXT, root),
  );
  child.setStatus({ code: SpanStatusCode.ERROR, message: 'declined' });
  child.end();
  root.end();
  return exporter.getFinishedSpans();
}

/** The fields both encoders must agree on, with int64 read the same way whatever their JSON type. */
function project(data: unknown): unknown {
  const groups = (
    data as {
      resourceSpans: {
        resource: { attributes: unknown[] };
        scopeSpans: { scope: unknown; spans: Record<string, unknown>[] }[];
      }[];
    }
  ).resourceSpans;
  const attrs = (list: unknown) =>
    ((list ?? []) as { key: string; value: Record<string, unknown> }[])
      .map(({ key, value }) => [
        key,
        JSON.stringify(value, (_k, v) => (typeof v === 'number' && Number.isInteger(v) ? String(v) : v)),
      ])
      .sort();
  return groups.map((group) => ({
    resource: attrs(group.resource.attributes),
    scopes: group.scopeSpans.map((scope) => ({
      scope: scope.scope,
      spans: scope.spans.map((span) => ({
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId || undefined,
        name: span.name,
        kind: span.kind,
        start: String(span.startTimeUnixNano),
        end: String(span.endTimeUnixNano),
        status: {
          code: (span.status as { code?: number }).code ?? 0,
          message: (span.status as { message?: string }).message || undefined,
        },
        attributes: attrs(span.attributes),
        events: (span.events as Record<string, unknown>[]).map((e) => ({
          name: e.name,
          time: String(e.timeUnixNano),
          attributes: attrs(e.attributes),
        })),
        links: (span.links as Record<string, unknown>[]).map((l) => ({
          traceId: l.traceId,
          spanId: l.spanId,
          attributes: attrs(l.attributes),
        })),
      })),
    })),
  }));
}

describe("toOtlpJson against OpenTelemetry's own OTLP/JSON serializer", () => {
  test('the same ids, kinds, times, statuses, attributes, events, links, resources and scopes', () => {
    const spans = recordSpans();
    const reference = JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans)));
    const ours = toOtlpJson(spans.map((span) => fromReadableSpan(span)));
    expect(project(ours)).toEqual(project(reference));
    const [group] = project(reference) as { scopes: { spans: { name: string; parentSpanId?: string }[] }[] }[];
    const projected = group?.scopes[0]?.spans ?? [];
    expect(projected.map((span) => span.name).sort()).toEqual(['POST /checkout', 'charge']);
    expect(projected.find((span) => span.name === 'charge')?.parentSpanId).toMatch(/^[0-9a-f]{16}$/);
  });

  test('an OTLP receiver accepts the file as an export request', async () => {
    await using collector = await startCollector({ grpc: false });
    const body = JSON.stringify(toOtlpJson(recordSpans().map((span) => fromReadableSpan(span))));
    const response = await fetch(`${collector.endpoints.otlpHttp}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(200);
    expect(collector.traces().only().size).toBe(2);
  });
});
