// Our codecs against the real OpenTelemetry propagators, both ways: what OTel injects we parse to the same
// context, and what we format OTel extracts to the same context.
import {
  type Context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  propagation,
  ROOT_CONTEXT,
  type SpanContext,
  type TextMapPropagator,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import { W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { B3InjectEncoding, B3Propagator } from '@opentelemetry/propagator-b3';
import fc from 'fast-check';
import {
  formatB3Multi,
  formatB3Single,
  formatBaggage,
  formatJaeger,
  formatTraceparent,
  type PropagationFormat,
  readCarriedContext,
  readCarriedIds,
} from 'tracespec';
import { describe, expect, test } from 'vitest';
import { OtelJaegerPropagator } from '../../support/otel2.ts';
import { baggage, spanId, traceId } from './arbitraries.ts';

const propagators: Record<PropagationFormat, TextMapPropagator> = {
  w3c: new W3CTraceContextPropagator(),
  b3: new B3Propagator({ injectEncoding: B3InjectEncoding.SINGLE_HEADER }),
  b3multi: new B3Propagator({ injectEncoding: B3InjectEncoding.MULTI_HEADER }),
  jaeger: new OtelJaegerPropagator(),
};

const spanContext = fc.record({
  traceId,
  spanId,
  traceFlags: fc.constantFrom(TraceFlags.NONE, TraceFlags.SAMPLED),
});

const inject = (format: PropagationFormat, context: Context) => {
  const carrier: Record<string, string> = {};
  propagators[format].inject(context, carrier, defaultTextMapSetter);
  return carrier;
};

const extract = (format: PropagationFormat, carrier: Record<string, string>): SpanContext | undefined =>
  trace.getSpanContext(propagators[format].extract(ROOT_CONTEXT, carrier, defaultTextMapGetter));

describe.each(['w3c', 'b3', 'b3multi', 'jaeger'] as const)('%s', (format) => {
  test('we read what the OpenTelemetry propagator injects', () => {
    fc.assert(
      fc.property(spanContext, (context) => {
        const headers = inject(format, trace.setSpanContext(ROOT_CONTEXT, context));
        expect(readCarriedIds(readCarriedContext(headers), format)).toEqual({
          valid: true,
          value: {
            format,
            traceId: context.traceId,
            parentSpanId: context.spanId,
            sampled: context.traceFlags === TraceFlags.SAMPLED,
          },
        });
      }),
    );
  });

  test('the OpenTelemetry propagator reads what we format', () => {
    fc.assert(
      fc.property(spanContext, ({ traceId, spanId, traceFlags }) => {
        const sampled = traceFlags === TraceFlags.SAMPLED;
        const sampling = sampled ? 'accept' : 'deny';
        const headers: Record<string, string> = {
          w3c: () => ({ traceparent: formatTraceparent({ traceId, parentId: spanId, sampled }) }),
          b3: () => ({ b3: formatB3Single({ traceId, spanId, sampling }) }),
          b3multi: () => ({ ...formatB3Multi({ traceId, spanId, sampling }) }),
          jaeger: () => ({ 'uber-trace-id': formatJaeger({ traceId, spanId, sampled }) }),
        }[format]();
        expect(extract(format, headers)).toEqual({ traceId, spanId, traceFlags, isRemote: true });
      }),
    );
  });
});

const nonEmptyBaggage = baggage.map((members) => members.filter((m) => m.value !== ''));

describe('baggage', () => {
  test('W3C: we read what the OpenTelemetry propagator injects, and it reads what we format', () => {
    const propagator = new W3CBaggagePropagator();
    fc.assert(
      // OTel's Baggage is a map (the last value of a repeated key wins) and it drops members with an empty value.
      fc.property(nonEmptyBaggage, (members) => {
        const entries = Object.fromEntries(members.map((m) => [m.key, { value: m.value }]));
        const context = propagation.setBaggage(ROOT_CONTEXT, propagation.createBaggage(entries));
        const carrier: Record<string, string> = {};
        propagator.inject(context, carrier, defaultTextMapSetter);
        const parsed = readCarriedContext(carrier).baggage;
        const expected = Object.entries(entries).map(([key, { value }]) => ({ key, value, properties: [] }));
        if (expected.length === 0) expect(parsed).toBeUndefined();
        else expect(parsed).toEqual({ valid: true, value: expected });

        const extracted = propagation.getBaggage(
          propagator.extract(ROOT_CONTEXT, { baggage: formatBaggage(members) }, defaultTextMapGetter),
        );
        expect(Object.fromEntries((extracted?.getAllEntries() ?? []).map(([key, { value }]) => [key, value]))).toEqual(
          Object.fromEntries(members.map((m) => [m.key, m.value])),
        );
      }),
    );
  });

  test('Jaeger: we read the uberctx-* headers the OpenTelemetry propagator injects', () => {
    const context = propagation.setBaggage(
      trace.setSpanContext(ROOT_CONTEXT, {
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        spanId: '00f067aa0ba902b7',
        traceFlags: TraceFlags.SAMPLED,
      }),
      propagation.createBaggage({ tenant: { value: 'acme corp' }, user: { value: 'ünï' } }),
    );
    expect(readCarriedContext(inject('jaeger', context)).jaegerBaggage).toEqual({
      valid: true,
      value: { tenant: 'acme corp', user: 'ünï' },
    });
  });
});
