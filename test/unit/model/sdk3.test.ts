import { createRequire } from 'node:module';
import { fromReadableSpan, type ReadableSpanLike, Trace } from 'tracespec';
import { describe, expect, test } from 'vitest';

// @opentelemetry/sdk-trace 3.x (with api 1.10) lives in its own workspace folder, beside the 2.x line.
const require3 = createRequire(new URL('../../fixtures/otel3/package.json', import.meta.url));
const sdk3 = require3('@opentelemetry/sdk-trace') as {
  TracerProvider: new (options: {
    spanProcessors: unknown[];
  }) => {
    getTracer(name: string): {
      startSpan(name: string, options?: object, context?: unknown): { end(): void; spanContext(): object };
    };
  };
  SimpleSpanProcessor: new (options: { exporter: unknown }) => unknown;
  InMemorySpanExporter: new () => { getFinishedSpans(): ReadableSpanLike[] };
};
const api3 = require3('@opentelemetry/api') as {
  trace: { setSpan(context: unknown, span: unknown): unknown };
  ROOT_CONTEXT: unknown;
};

describe('fromReadableSpan with @opentelemetry/sdk-trace 3.x', () => {
  test('converts spans structurally, parents included', () => {
    const exporter = new sdk3.InMemorySpanExporter();
    const provider = new sdk3.TracerProvider({ spanProcessors: [new sdk3.SimpleSpanProcessor({ exporter })] });
    const tracer = provider.getTracer('sdk3');
    const parent = tracer.startSpan('parent');
    const child = tracer.startSpan(
      'child',
      { kind: 3, attributes: { n: 1 } },
      api3.trace.setSpan(api3.ROOT_CONTEXT, parent),
    );
    child.end();
    parent.end();
    const spans = exporter.getFinishedSpans().map((span) => fromReadableSpan(span));
    const trace = Trace.of(spans);
    expect(trace.root?.name).toBe('parent');
    expect(trace.spans.map((span) => [span.name, span.kind])).toEqual([
      ['parent', 'internal'],
      ['child', 'producer'],
    ]);
    expect(trace.spans[1]?.attributes).toEqual({ n: 1 });
    expect(trace.spans[1]?.scope.name).toBe('sdk3');
  });
});
