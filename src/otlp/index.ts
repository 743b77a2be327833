// Public entry `tracespec/otlp`: the embedded collector (OTLP/HTTP, OTLP/gRPC, Zipkin) and waiting for traces.

export type { ReceiverHealth } from '../capture/ReceiverHealth.ts';
export type { CompiledTraceSelector, TracePattern, TracePredicate, TraceSelector } from '../capture/TraceSelector.ts';
export { compileTraceSelector } from '../capture/TraceSelector.ts';
export type { WaitEndReason } from '../capture/WaitTimeoutError.ts';
export { WaitTimeoutError } from '../capture/WaitTimeoutError.ts';
export type { WaitForOptions } from '../capture/waitFor.ts';
export { waitFor } from '../capture/waitFor.ts';
export type { WaitForTraceOptions } from '../capture/waitForTrace.ts';
export { waitForTrace } from '../capture/waitForTrace.ts';
export type { Span } from '../model/Span.ts';
export type { Trace } from '../model/Trace.ts';
export type { Collector, CollectorEndpoints, JaegerAgentEndpoint } from '../receive/Collector.ts';
export type { CollectorOptions } from '../receive/CollectorOptions.ts';
export type { CollectorAddress, CollectorEnvOptions, JaegerSender, OtlpProtocol } from '../receive/collectorEnv.ts';
export { collectorEnv } from '../receive/collectorEnv.ts';
export type { DecodedSpans } from '../receive/DecodedSpans.ts';
export { decodeJaegerBatch, decodeJaegerEmitBatch } from '../receive/jaeger/decodeJaegerThrift.ts';
export type { JaegerAgentStats } from '../receive/jaeger/JaegerAgentStats.ts';
export { JAEGER_TRACE_ID_ATTRIBUTE } from '../receive/jaeger/jaegerAttributes.ts';
export type { ThriftProtocolName } from '../receive/jaeger/ThriftInput.ts';
export { MalformedInputError } from '../receive/MalformedInputError.ts';
export { decodeOtlpJson } from '../receive/otlp/decodeOtlpJson.ts';
export { decodeOtlpProtobuf } from '../receive/otlp/decodeOtlpProtobuf.ts';
export { startCollector } from '../receive/startCollector.ts';
export { decodeZipkinJson, ZIPKIN_TRACE_ID_ATTRIBUTE } from '../receive/zipkin/decodeZipkinJson.ts';
export { padTraceId } from '../receive/zipkin/padTraceId.ts';
