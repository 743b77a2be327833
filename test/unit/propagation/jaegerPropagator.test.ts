// tracespec's JaegerPropagator (for services on API 1.10 and SDK 3, where @opentelemetry/propagator-jaeger cannot
// be installed) against OpenTelemetry's own Jaeger propagator of the 2.x line: same headers out, same context in.
import {
  type Context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  propagation,
  ROOT_CONTEXT,
  type TextMapPropagator,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import fc from 'fast-check';
import { JaegerPropagator } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { OtelJaegerPropagator } from '../../support/otel2.ts';
import { spanId, traceId } from './arbitraries.ts';

const ours = new JaegerPropagator();
const theirs = new OtelJaegerPropagator();

const inject = (propagator: TextMapPropagator, context: Context) => {
  const carrier: Record<string, string> = {};
  propagator.inject(context, carrier, defaultTextMapSetter);
  return carrier;
};

const entries = (context: Context) =>
  Object.fromEntries((propagation.getBaggage(context)?.getAllEntries() ?? []).map(([key, { value }]) => [key, value]));

const baggageKey = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/);
const baggageValue = fc.string({ minLength: 1, maxLength: 12 }).filter((value) => value.trim() === value);

const context = fc
  .record({
    traceId,
    spanId,
    sampled: fc.boolean(),
    baggage: fc.dictionary(baggageKey, baggageValue, { maxKeys: 3 }),
  })
  .map(({ traceId: t, spanId: s, sampled, baggage }) => {
    const withSpan = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: t,
      spanId: s,
      traceFlags: sampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
    });
    const members = Object.fromEntries(Object.entries(baggage).map(([key, value]) => [key, { value }]));
    return Object.keys(baggage).length === 0
      ? withSpan
      : propagation.setBaggage(withSpan, propagation.createBaggage(members));
  });

describe('JaegerPropagator', () => {
  test('injects the same headers as OpenTelemetry’s Jaeger propagator', () => {
    fc.assert(
      fc.property(context, (ctx) => {
        expect(inject(ours, ctx)).toEqual(inject(theirs, ctx));
      }),
    );
  });

  test('extracts what OpenTelemetry’s Jaeger propagator injects, and the other way round', () => {
    fc.assert(
      fc.property(context, (ctx) => {
        for (const [writer, reader] of [
          [theirs, ours],
          [ours, theirs],
        ] as const) {
          const extracted = reader.extract(ROOT_CONTEXT, inject(writer, ctx), defaultTextMapGetter);
          expect(trace.getSpanContext(extracted)).toEqual({ ...trace.getSpanContext(ctx), isRemote: true });
          expect(entries(extracted)).toEqual(entries(ctx));
        }
      }),
    );
  });

  test('a debug flag counts as sampled, and an invalid header leaves the context as it was', () => {
    const debug = ours.extract(
      ROOT_CONTEXT,
      { 'uber-trace-id': '4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:2' },
      defaultTextMapGetter,
    );
    expect(trace.getSpanContext(debug)?.traceFlags).toBe(TraceFlags.SAMPLED);
    const broken = ours.extract(
      ROOT_CONTEXT,
      { 'uber-trace-id': '00000000000000000000000000000000:00f067aa0ba902b7:0:1' },
      defaultTextMapGetter,
    );
    expect(broken).toBe(ROOT_CONTEXT);
    expect(ours.fields()).toEqual(['uber-trace-id']);
  });
});
