// Wire shapes of OTLP/JSON (opentelemetry-proto `TracesData` / `ExportTraceServiceRequest`, JSON encoding): hex
// ids, times as strings (or, from the JS exporters, numbers) of Unix nanoseconds, enums as integers. One set of
// shapes for both directions: `toOtlpJson` writes them, `decodeOtlpJson` reads them (through `Loose<T>`, since a
// request may miss any field or carry a wrong type, which the decoder reports with its JSON path).

/**
 * OTLP/JSON `TracesData`: what `toOtlpJson` writes and `decodeOtlpJson` reads (the same shape as an
 * `ExportTraceServiceRequest`).
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
  readonly events?: readonly OtlpEvent[];
  readonly links?: readonly OtlpLink[];
  readonly status?: { readonly code?: number | string; readonly message?: string };
}

/**
 * A timed event of a span on the wire.
 *
 * @example
 * const event: OtlpEvent = { name: 'exception', timeUnixNano: '1700000000000000000' };
 */
export interface OtlpEvent {
  readonly timeUnixNano: string | number;
  readonly name: string;
  readonly attributes?: readonly OtlpKeyValue[];
}

/**
 * A link from a span to another span context on the wire.
 *
 * @example
 * const link: OtlpLink = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7' };
 */
export interface OtlpLink {
  readonly traceId: string;
  readonly spanId: string;
  readonly attributes?: readonly OtlpKeyValue[];
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
 * An attribute value on the wire: exactly one field is set (`intValue` is a string or, from JS exporters, a
 * number; `bytesValue` is base64).
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
  readonly kvlistValue?: { readonly values?: readonly OtlpKeyValue[] };
  readonly bytesValue?: string;
}

/** A wire shape as a request may carry it: any field may be missing or of any type, until checked. */
export type Loose<T> = { readonly [K in keyof T]?: unknown };
