import { startCollector } from 'tracespec/otlp';
import { describe, expect, test } from 'vitest';
import { runScenario } from './support/runChild.ts';
import { shapeOf } from './support/shapeOf.ts';

const EXPECTED = [
  'shop server POST /checkout unset',
  '  shop client charge card error',
  '    payments server POST /charge error [card declined]',
  '  shop internal render receipt unset',
];

describe('real exporters in child processes produce the same tree through every path', () => {
  test.each([
    ['http-json', 'http/json', {}, 'otlp-http'],
    ['http-proto', 'http/protobuf', {}, 'otlp-http'],
    ['http-proto', 'http/protobuf', { OTEL_EXPORTER_OTLP_COMPRESSION: 'gzip' }, 'otlp-http'],
    ['grpc', 'grpc', {}, 'otlp-grpc'],
    ['grpc', 'grpc', { OTEL_EXPORTER_OTLP_COMPRESSION: 'gzip' }, 'otlp-grpc'],
    ['zipkin', 'http/protobuf', {}, 'zipkin'],
  ] as const)('%s (%s %o)', async (exporter, protocol, extra, source) => {
    await using collector = await startCollector({ token: 's3cret' });
    await runScenario(exporter, { ...collector.env({ protocol }), ...extra });
    const trace = await collector.waitForTrace({ rootName: 'POST /checkout' }, { timeout: 5000, settle: 20 });
    expect(shapeOf(trace)).toEqual(EXPECTED);
    expect(new Set(trace.spans.map((span) => span.source))).toEqual(new Set([source]));
    expect(trace.root?.attributes['order.id']).toBe(source === 'zipkin' ? '42' : 42);
    expect(trace.spans.find((s) => s.name === 'POST /charge')?.status.message).toBe('declined');
    expect(trace.root?.durationNano).toBeGreaterThan(0n);
    expect(collector.traces().size).toBe(1);
  });
});
