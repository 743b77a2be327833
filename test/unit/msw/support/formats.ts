// One entry per propagation format: the propagator that injects it (OpenTelemetry's own; for Jaeger, tracespec's, since
// @opentelemetry/propagator-jaeger ends with the 2.x line), and a malformed header a
// broken client could send instead, with the reason tracespec must give.
import type { TextMapPropagator } from '@opentelemetry/api';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { B3InjectEncoding, B3Propagator } from '@opentelemetry/propagator-b3';
import { JaegerPropagator, type PropagationFormat } from 'tracespec';

const T = '4bf92f3577b34da6a3ce929d0e0e4736';
const S = '00f067aa0ba902b7';

export interface FormatCase {
  readonly format: PropagationFormat;
  readonly propagator: TextMapPropagator;
  readonly malformed: Record<string, string>;
  readonly reason: string;
}

export const FORMAT_CASES: readonly FormatCase[] = [
  {
    format: 'w3c',
    propagator: new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
    malformed: { traceparent: `00-${T}-0000000000000000-01` },
    reason: 'traceparent is malformed: parent-id is all zeros',
  },
  {
    format: 'b3',
    propagator: new B3Propagator({ injectEncoding: B3InjectEncoding.SINGLE_HEADER }),
    malformed: { b3: `${T}-${S}-x` },
    reason: 'b3 is malformed: sampling state must be 0, 1 or d, got "x"',
  },
  {
    format: 'b3multi',
    propagator: new B3Propagator({ injectEncoding: B3InjectEncoding.MULTI_HEADER }),
    malformed: { 'x-b3-traceid': T },
    reason: 'X-B3-TraceId/X-B3-SpanId is malformed: X-B3-TraceId is present but X-B3-SpanId is missing',
  },
  {
    format: 'jaeger',
    propagator: new JaegerPropagator(),
    malformed: { 'uber-trace-id': `${T}:${S}:1` },
    reason: `uber-trace-id is malformed: uber-trace-id must be trace-id:span-id:parent-span-id:flags (4 fields), got "${T}:${S}:1"`,
  },
];
