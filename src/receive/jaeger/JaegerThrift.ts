// Wire shape of Jaeger's Thrift model (jaegertracing/jaeger-idl, thrift/jaeger.thrift), as read from the wire: every
// field optional, because a sender may leave out what the IDL calls required and the mapping decides what then
// happens. i64 fields are bigint (ids unsigned, times and tag values signed); times are microseconds.

/** `enum TagType { STRING, DOUBLE, BOOL, LONG, BINARY }` */
export const TagType = { STRING: 0, DOUBLE: 1, BOOL: 2, LONG: 3, BINARY: 4 } as const;

/** `enum SpanRefType { CHILD_OF, FOLLOWS_FROM }` */
export const SpanRefType = { CHILD_OF: 0, FOLLOWS_FROM: 1 } as const;

export interface JaegerTag {
  readonly key?: string;
  readonly vType?: number;
  readonly vStr?: string;
  readonly vDouble?: number;
  readonly vBool?: boolean;
  readonly vLong?: bigint;
  readonly vBinary?: Buffer;
}

export interface JaegerLog {
  readonly timestamp?: bigint;
  readonly fields?: readonly JaegerTag[];
}

export interface JaegerSpanRef {
  readonly refType?: number;
  readonly traceIdLow?: bigint;
  readonly traceIdHigh?: bigint;
  readonly spanId?: bigint;
}

export interface JaegerSpan {
  readonly traceIdLow?: bigint;
  readonly traceIdHigh?: bigint;
  readonly spanId?: bigint;
  readonly parentSpanId?: bigint;
  readonly operationName?: string;
  readonly references?: readonly JaegerSpanRef[];
  readonly flags?: number;
  readonly startTime?: bigint;
  readonly duration?: bigint;
  readonly tags?: readonly JaegerTag[];
  readonly logs?: readonly JaegerLog[];
}

export interface JaegerProcess {
  readonly serviceName?: string;
  readonly tags?: readonly JaegerTag[];
}

export interface JaegerBatch {
  readonly process?: JaegerProcess;
  readonly spans: readonly JaegerSpan[];
}
