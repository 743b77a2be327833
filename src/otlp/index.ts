// Public entry `tracespec/otlp`: the embedded collector (OTLP/HTTP, OTLP/gRPC, Zipkin, Jaeger), waiting for
// traces, and the OTLP/JSON, Zipkin and Jaeger codecs.

// Waiting for traces that arrive from other processes.
export type { TracePattern, TracePredicate, TraceSelector } from '../capture/TraceSelector.ts';
export { type WaitEndReason, WaitTimeoutError } from '../capture/WaitTimeoutError.ts';
export { type WaitForOptions, waitFor } from '../capture/waitFor.ts';
export { type WaitForTraceOptions, waitForTrace } from '../capture/waitForTrace.ts';
export type { OtlpProtocol } from '../model/OtlpProtocol.ts';
// The collector.
export type { Collector, CollectorEndpoints, JaegerAgentEndpoint } from '../receive/Collector.ts';
export type { CollectorOptions } from '../receive/CollectorOptions.ts';
export type { CollectorEnvOptions, JaegerSender } from '../receive/collectorEnv.ts';
// Codecs: request bodies to spans, spans to OTLP/JSON files.
export type { DecodedSpans } from '../receive/DecodedSpans.ts';
export { decodeJaegerBatch, decodeJaegerEmitBatch } from '../receive/jaeger/decodeJaegerThrift.ts';
export type { JaegerAgentStats } from '../receive/jaeger/JaegerAgentStats.ts';
export { JAEGER_TRACE_ID_ATTRIBUTE } from '../receive/jaeger/jaegerAttributes.ts';
export type { ThriftProtocolName } from '../receive/jaeger/ThriftInput.ts';
export { MalformedInputError } from '../receive/MalformedInputError.ts';
export { decodeOtlpJson } from '../receive/otlp/json/decodeOtlpJson.ts';
export type {
  OtlpAnyValue,
  OtlpEvent,
  OtlpKeyValue,
  OtlpLink,
  OtlpResourceSpans,
  OtlpScopeSpans,
  OtlpSpan,
  OtlpTracesData,
} from '../receive/otlp/json/OtlpJson.ts';
export { toOtlpJson } from '../receive/otlp/json/toOtlpJson.ts';
export { decodeOtlpProtobuf } from '../receive/otlp/proto/decodeOtlpProtobuf.ts';
export { startCollector } from '../receive/startCollector.ts';
export { decodeZipkinJson, ZIPKIN_TRACE_ID_ATTRIBUTE } from '../receive/zipkin/decodeZipkinJson.ts';

import { pointAtVitestMatchers } from '../capture/pointAtVitestMatchers.ts';

// Under vitest without `import 'tracespec/vitest'`, a tracespec matcher says what to import.
pointAtVitestMatchers();
