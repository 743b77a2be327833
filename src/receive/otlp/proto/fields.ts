// The protobuf tags tracespec reads and writes, named after opentelemetry-proto's .proto files
// (opentelemetry/proto/{collector/trace/v1/trace_service,trace/v1/trace,common/v1/common,resource/v1/resource}.proto)
// and google/rpc/status.proto: one table per message, field name as in the .proto, value the tag on the wire
// ((field number << 3) | wire type). Fields tracespec skips are listed too, so that each table reads as the message.

const VARINT = 0;
const I64 = 1;
const LEN = 2;
const I32 = 5;

const tag = (field: number, wireType: number): number => (field << 3) | wireType;

/** `opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest` */
export const ExportTraceServiceRequest = {
  resource_spans: tag(1, LEN),
} as const;

/** `opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse` */
export const ExportTraceServiceResponse = {
  partial_success: tag(1, LEN),
} as const;

/** `opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess` */
export const ExportTracePartialSuccess = {
  rejected_spans: tag(1, VARINT),
  error_message: tag(2, LEN),
} as const;

/** `opentelemetry.proto.trace.v1.ResourceSpans` */
export const ResourceSpans = {
  resource: tag(1, LEN),
  scope_spans: tag(2, LEN),
  schema_url: tag(3, LEN),
} as const;

/** `opentelemetry.proto.resource.v1.Resource` */
export const Resource = {
  attributes: tag(1, LEN),
  dropped_attributes_count: tag(2, VARINT),
} as const;

/** `opentelemetry.proto.trace.v1.ScopeSpans` */
export const ScopeSpans = {
  scope: tag(1, LEN),
  spans: tag(2, LEN),
  schema_url: tag(3, LEN),
} as const;

/** `opentelemetry.proto.common.v1.InstrumentationScope` */
export const InstrumentationScope = {
  name: tag(1, LEN),
  version: tag(2, LEN),
  attributes: tag(3, LEN),
  dropped_attributes_count: tag(4, VARINT),
} as const;

/** `opentelemetry.proto.trace.v1.Span` */
export const Span = {
  trace_id: tag(1, LEN),
  span_id: tag(2, LEN),
  trace_state: tag(3, LEN),
  parent_span_id: tag(4, LEN),
  name: tag(5, LEN),
  kind: tag(6, VARINT),
  start_time_unix_nano: tag(7, I64),
  end_time_unix_nano: tag(8, I64),
  attributes: tag(9, LEN),
  dropped_attributes_count: tag(10, VARINT),
  events: tag(11, LEN),
  dropped_events_count: tag(12, VARINT),
  links: tag(13, LEN),
  dropped_links_count: tag(14, VARINT),
  status: tag(15, LEN),
  flags: tag(16, I32),
} as const;

/** `opentelemetry.proto.trace.v1.Span.Event` */
export const Event = {
  time_unix_nano: tag(1, I64),
  name: tag(2, LEN),
  attributes: tag(3, LEN),
  dropped_attributes_count: tag(4, VARINT),
} as const;

/** `opentelemetry.proto.trace.v1.Span.Link` */
export const Link = {
  trace_id: tag(1, LEN),
  span_id: tag(2, LEN),
  trace_state: tag(3, LEN),
  attributes: tag(4, LEN),
  dropped_attributes_count: tag(5, VARINT),
  flags: tag(6, I32),
} as const;

/** `opentelemetry.proto.trace.v1.Status` (field 1 is reserved) */
export const Status = {
  message: tag(2, LEN),
  code: tag(3, VARINT),
} as const;

/** `opentelemetry.proto.common.v1.KeyValue` */
export const KeyValue = {
  key: tag(1, LEN),
  value: tag(2, LEN),
} as const;

/** `opentelemetry.proto.common.v1.AnyValue` (a oneof) */
export const AnyValue = {
  string_value: tag(1, LEN),
  bool_value: tag(2, VARINT),
  int_value: tag(3, VARINT),
  double_value: tag(4, I64),
  array_value: tag(5, LEN),
  kvlist_value: tag(6, LEN),
  bytes_value: tag(7, LEN),
} as const;

/** `opentelemetry.proto.common.v1.ArrayValue` */
export const ArrayValue = {
  values: tag(1, LEN),
} as const;

/** `opentelemetry.proto.common.v1.KeyValueList` */
export const KeyValueList = {
  values: tag(1, LEN),
} as const;

/** `google.rpc.Status`, the body of an OTLP/HTTP error answer (`details`, field 3, is not sent). */
export const RpcStatus = {
  code: tag(1, VARINT),
  message: tag(2, LEN),
} as const;
