// Public entry `tracespec/propagation`: read, check and write the headers that carry trace context and baggage
// across a call (W3C Trace Context and Baggage, B3 single and multi, Jaeger).

// B3: single header `b3` and multiple `X-B3-*` headers.
export type { B3Context, B3Sampling } from './B3Context.ts';
export type { B3MultiHeaders } from './B3MultiHeaders.ts';
// W3C Baggage.
export type { Baggage, BaggageEntry, BaggageProperty } from './Baggage.ts';
export { BAGGAGE_LIMITS } from './baggageLimits.ts';
// Every propagation header of a request at once.
export type { CarriedContext } from './CarriedContext.ts';
export type { CarriedIds } from './CarriedIds.ts';
export { formatB3Multi } from './formatB3Multi.ts';
export { formatB3Single } from './formatB3Single.ts';
export { formatBaggage } from './formatBaggage.ts';
// Jaeger: `uber-trace-id` and `uberctx-*` baggage.
export { formatJaeger } from './formatJaeger.ts';
export { formatJaegerBaggage } from './formatJaegerBaggage.ts';
// W3C Trace Context: traceparent, tracestate.
export { formatTraceparent } from './formatTraceparent.ts';
export { formatTracestate } from './formatTracestate.ts';
export type { JaegerContext } from './JaegerContext.ts';
export { JaegerPropagator } from './JaegerPropagator.ts';
// Formats and results.
export type { InvalidHeader, ParseResult, ValidHeader } from './ParseResult.ts';
export { FORMAT_HEADERS, PROPAGATION_FORMATS, type PropagationFormat } from './PropagationFormat.ts';
export { parseB3Multi } from './parseB3Multi.ts';
export { parseB3Single } from './parseB3Single.ts';
export { parseBaggage } from './parseBaggage.ts';
export { parseJaeger } from './parseJaeger.ts';
export { parseJaegerBaggage } from './parseJaegerBaggage.ts';
export { parseTraceparent } from './parseTraceparent.ts';
export { parseTracestate, TRACESTATE_MAX_MEMBERS } from './parseTracestate.ts';
export { propagationHeaderKind } from './propagationHeaderKind.ts';
export { readCarriedContext } from './readCarriedContext.ts';
export { readCarriedIds } from './readCarriedIds.ts';
export type { TraceParent } from './TraceParent.ts';
export type { TraceState, TraceStateMember } from './TraceState.ts';
