/**
 * The OTLP/JSON wire shapes tracespec writes (opentelemetry-proto `TracesData`, JSON encoding): hex ids, times as
 * strings of Unix nanoseconds, enum values as integers. Kept apart from the mapping code; the collector's
 * `decodeOtlpJson` reads them back.
 *
 * @example
 * const data: OtlpTracesData = toOtlpJson(traces.spans);
 */
export interface OtlpTracesData {
  readonly resourceSpans: readonly OtlpResourceSpans[];
}

/**
 * Spans of one resource (one service).
 *
 * @example
 * const services = data.resourceSpans.map((group) => group.resource?.attributes?.[0]?.value?.stringValue);
 */
export interface OtlpResourceSpans {
  readonly resource?: { readonly attributes?: readonly OtlpKeyValue[] };
  readonly scopeSpans?: readonly OtlpScopeSpans[];
}

/**
 * Spans of one instrumentation scope.
 *
 * @example
 * const scopes = data.resourceSpans.flatMap((group) => group.scopeSpans ?? []).map((scope) => scope.scope?.name);
 */
export interface OtlpScopeSpans {
  readonly scope?: { readonly name?: string; readonly version?: string };
  readonly spans?: readonly OtlpSpan[];
}

/**
 * One span on the wire. `kind` is the API SpanKind + 1; status `code` 0 unset, 1 ok, 2 error.
 *
 * @example
 * const span: OtlpSpan = { traceId, spanId, name: 'GET', kind: 3, startTimeUnixNano: '1', endTimeUnixNano: '2' };
 */
export interface OtlpSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind?: number | string;
  readonly startTimeUnixNano: string | number;
  readonly endTimeUnixNano: string | number;
  readonly attributes?: readonly OtlpKeyValue[];
  readonly events?: readonly {
    readonly timeUnixNano: string | number;
    readonly name: string;
    readonly attributes?: readonly OtlpKeyValue[];
  }[];
  readonly links?: readonly {
    readonly traceId: string;
    readonly spanId: string;
    readonly attributes?: readonly OtlpKeyValue[];
  }[];
  readonly status?: { readonly code?: number | string; readonly message?: string };
}

/**
 * An attribute on the wire.
 *
 * @example
 * const route: OtlpKeyValue = { key: 'http.route', value: { stringValue: '/orders' } };
 */
export interface OtlpKeyValue {
  readonly key: string;
  readonly value?: OtlpAnyValue;
}

/**
 * An attribute value on the wire: exactly one field is set (`intValue` is a string or, from JS exporters, a number).
 *
 * @example
 * const status: OtlpAnyValue = { intValue: '200' };
 */
export interface OtlpAnyValue {
  readonly stringValue?: string;
  readonly intValue?: string | number;
  readonly doubleValue?: number | string;
  readonly boolValue?: boolean;
  readonly arrayValue?: { readonly values?: readonly OtlpAnyValue[] };
}
