// Wire shape of an OTLP/JSON ExportTraceServiceRequest (opentelemetry-proto's JSON mapping). Every field may be
// missing; int64 may be a string or a number; ids are hex; enums are integers.

export interface OtlpJsonAnyValue {
  readonly stringValue?: string;
  readonly boolValue?: boolean;
  readonly intValue?: string | number;
  readonly doubleValue?: number | string;
  readonly arrayValue?: { readonly values?: readonly OtlpJsonAnyValue[] };
  readonly kvlistValue?: { readonly values?: readonly OtlpJsonKeyValue[] };
  readonly bytesValue?: string;
}

export interface OtlpJsonKeyValue {
  readonly key?: string;
  readonly value?: OtlpJsonAnyValue;
}

export interface OtlpJsonEvent {
  readonly timeUnixNano?: string | number;
  readonly name?: string;
  readonly attributes?: readonly OtlpJsonKeyValue[];
}

export interface OtlpJsonLink {
  readonly traceId?: string;
  readonly spanId?: string;
  readonly attributes?: readonly OtlpJsonKeyValue[];
}

export interface OtlpJsonSpan {
  readonly traceId?: string;
  readonly spanId?: string;
  readonly parentSpanId?: string;
  readonly name?: string;
  readonly kind?: number | string;
  readonly startTimeUnixNano?: string | number;
  readonly endTimeUnixNano?: string | number;
  readonly attributes?: readonly OtlpJsonKeyValue[];
  readonly events?: readonly OtlpJsonEvent[];
  readonly links?: readonly OtlpJsonLink[];
  readonly status?: { readonly code?: number | string; readonly message?: string };
}

export interface OtlpJsonScopeSpans {
  readonly scope?: { readonly name?: string; readonly version?: string };
  readonly spans?: readonly OtlpJsonSpan[];
}

export interface OtlpJsonResourceSpans {
  readonly resource?: { readonly attributes?: readonly OtlpJsonKeyValue[] };
  readonly scopeSpans?: readonly OtlpJsonScopeSpans[];
}

export interface OtlpJsonRequest {
  readonly resourceSpans?: readonly OtlpJsonResourceSpans[];
}
