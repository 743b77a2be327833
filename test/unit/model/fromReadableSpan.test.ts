import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { fromReadableSpan, Trace } from 'tracespec';
import { describe, expect, test } from 'vitest';

describe('fromReadableSpan with @opentelemetry/sdk-trace-base 2.x', () => {
  test('converts every field, with nanosecond times', () => {
    const exporter = new InMemorySpanExporter();
    const provider = new TracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'orders', 'deployment.environment': 'test' }),
      spanProcessors: [new SimpleSpanProcessor({ exporter })],
    });
    const tracer = provider.getTracer('my-lib', '1.2.3');
    const parent = tracer.startSpan('parent', { startTime: [1_700_000_000, 5] });
    const ctx = trace.setSpan(ROOT_CONTEXT, parent);
    const child = tracer.startSpan(
      'child',
      {
        kind: SpanKind.CLIENT,
        attributes: { 'http.method': 'GET' },
        startTime: [1_700_000_000, 1_000],
        links: [{ context: parent.spanContext(), attributes: { why: 'test' } }],
      },
      ctx,
    );
    child.addEvent('retry', { attempt: 2 }, [1_700_000_000, 2_000]);
    child.setStatus({ code: SpanStatusCode.ERROR, message: 'boom' });
    child.end([1_700_000_000, 501_000]);
    parent.end([1_700_000_001, 5]);
    const [childSpan, parentSpan] = exporter.getFinishedSpans().map((span) => fromReadableSpan(span));
    if (!childSpan || !parentSpan) throw new Error('spans missing');
    expect(childSpan).toMatchObject({
      name: 'child',
      kind: 'client',
      parentSpanId: parentSpan.spanId,
      traceId: parentSpan.traceId,
      startTimeUnixNano: 1_700_000_000_000_001_000n,
      endTimeUnixNano: 1_700_000_000_000_501_000n,
      durationNano: 500_000n,
      durationMs: 0.5,
      attributes: { 'http.method': 'GET' },
      status: { code: 'error', message: 'boom' },
      service: 'orders',
      resource: { 'deployment.environment': 'test' },
      scope: { name: 'my-lib', version: '1.2.3' },
      ended: true,
      source: 'in-process',
    });
    expect(childSpan.events).toEqual([
      { name: 'retry', timeUnixNano: 1_700_000_000_000_002_000n, attributes: { attempt: 2 } },
    ]);
    expect(childSpan.links).toEqual([
      { traceId: parentSpan.traceId, spanId: parentSpan.spanId, attributes: { why: 'test' } },
    ]);
    expect(parentSpan.parentSpanId).toBeUndefined();
    expect(parentSpan.durationNano).toBe(1_000_000_000n);
    expect(Trace.of([childSpan, parentSpan]).root).toBe(parentSpan);
  });
});
