/**
 * The OTLP transports an exporter can be told to use: the values of `OTEL_EXPORTER_OTLP_PROTOCOL`. One type for
 * the collector (`collector.env({ protocol })`) and for traced services (`tracespec/containers`).
 *
 * @example
 * collector.env({ protocol: 'grpc' });
 */
export type OtlpProtocol = 'http/protobuf' | 'http/json' | 'grpc';
