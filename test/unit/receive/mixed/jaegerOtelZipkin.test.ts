import { SpanStore } from 'tracespec';
import { startCollector } from 'tracespec/otlp';
import { describe, expect, test } from 'vitest';
import { type CheckoutAnswer, mixedSystem } from './mixedSystem.ts';

const HEX32 = /^[0-9a-f]{32}$/;

describe('Jaeger -> OpenTelemetry -> Zipkin: one request across three tracing systems', () => {
  test('with the Jaeger propagator reading uber-trace-id and B3 written onward, it is one connected trace', async () => {
    await using collector = await startCollector({ grpc: false, store: new SpanStore() });
    await using system = await mixedSystem(collector).start();

    const response = await fetch(`${system.url('frontend')}/checkout`);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as CheckoutAnswer;
    const trace = await collector.waitForTrace({ rootName: 'GET /checkout' }, { timeout: 10_000, settle: 100 });

    // The wire formats of each hop: Jaeger's header from frontend, B3 from pricing (plus Jaeger's, which tax ignores).
    const jaegerHeader = answer.sent['uber-trace-id'] ?? '';
    // trace-id:span-id:parent-span-id:flags, hex without leading zeros (jaeger-client drops them), sampled.
    expect(jaegerHeader).toMatch(/^[0-9a-f]{1,16}:[0-9a-f]{1,16}:[0-9a-f]{1,16}:1$/);
    expect(answer.pricing.received).toEqual({ 'uber-trace-id': jaegerHeader });
    const b3 = answer.pricing.tax.received;
    expect(
      Object.keys(b3)
        .map((name) => name.toLowerCase())
        .sort(),
    ).toEqual(['x-b3-sampled', 'x-b3-spanid', 'x-b3-traceid']);
    // OpenTelemetry pads the 64-bit Jaeger trace id to 128 bits; tracespec's receivers pad it the same way.
    const traceId64 = jaegerHeader.split(':')[0] ?? '';
    expect(trace.root?.attributes['jaeger.trace_id']).toBe(traceId64.padStart(16, '0'));
    expect(trace.traceId).toBe(traceId64.padStart(32, '0'));
    expect(Object.entries(b3).find(([name]) => name.toLowerCase() === 'x-b3-traceid')?.[1]).toBe(trace.traceId);

    // The recording taps on the links saw the same on the wire.
    const hop = (to: string) => system.hops().find((record) => record.to === to)?.headers ?? {};
    expect(Object.keys(hop('pricing'))).toEqual(['uber-trace-id']);
    expect(Object.keys(hop('tax')).sort()).toEqual(['uber-trace-id', 'x-b3-sampled', 'x-b3-spanid', 'x-b3-traceid']);

    // Each service's spans came in its own format, into one trace.
    const sources = Object.fromEntries(trace.spans.map((span) => [span.service, span.source]));
    expect(sources).toEqual({ frontend: 'jaeger-http', pricing: 'otlp-http', tax: 'zipkin' });
    expect(trace.traceId).toMatch(HEX32);
    expect(collector).toBeConnected();
    expect(collector).toPropagate({ from: 'frontend', to: 'pricing' });
    expect(collector).toPropagate({ from: 'pricing', to: 'tax' });
    expect(collector).toHaveServiceGraph(['frontend -> pricing', 'pricing -> tax'], { exact: true });
    expect(trace).toHaveSpan({ name: 'compute tax', service: 'tax', parent: { name: 'GET /tax', kind: 'server' } });
  }, 60_000);

  test('when pricing reads only W3C trace context, the Jaeger header it gets is ignored: every service its own trace', async () => {
    await using collector = await startCollector({ grpc: false, store: new SpanStore() });
    await using system = await mixedSystem(collector, 'tracecontext,baggage').start();

    const answer = (await (await fetch(`${system.url('frontend')}/checkout`)).json()) as CheckoutAnswer;
    expect(answer.pricing.received).toEqual({ 'uber-trace-id': answer.sent['uber-trace-id'] });
    // pricing wrote traceparent, which tax (B3 only) does not read either.
    expect(answer.pricing.tax.received).toEqual({});
    const hop = (to: string) => Object.keys(system.hops().find((record) => record.to === to)?.headers ?? {});
    expect(hop('pricing')).toEqual(['uber-trace-id']);
    expect(hop('tax')).toEqual(['traceparent']);
    await collector.waitForTrace({ rootName: 'GET /checkout' }, { timeout: 10_000 });
    await collector.waitForTrace({ service: 'pricing' }, { timeout: 10_000 });
    await collector.waitForTrace({ service: 'tax' }, { timeout: 10_000 });

    expect(collector.traces().size).toBe(3);
    expect(collector).not.toBeConnected();
    expect(collector).not.toPropagate({ from: 'frontend', to: 'pricing' });
    expect(collector).not.toPropagate({ from: 'pricing', to: 'tax' });
    // The diagnosis names both formats of the first hop: what frontend sent, what pricing reads.
    expect(() => expect(collector).toBeConnected()).toThrow(
      /frontend -> pricing: frontend sent the context only as Jaeger \(uber-trace-id\) .*; pricing reads W3C traceparent \(its OTEL_PROPAGATORS\)/,
    );
  }, 60_000);
});
