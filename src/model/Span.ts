/**
 * A single attribute value, as OpenTelemetry defines it (homogeneous arrays allowed).
 *
 * @example
 * const value: AttributeValue = span.attributes['http.response.status_code'] ?? 0;
 */
export type AttributeValue =
  | string
  | number
  | boolean
  | readonly (string | null | undefined)[]
  | readonly (number | null | undefined)[]
  | readonly (boolean | null | undefined)[];

/**
 * Span or resource attributes: a readonly map of key to value.
 *
 * @example
 * const attributes: Attributes = { 'http.request.method': 'GET', 'server.port': 8080 };
 */
export type Attributes = Readonly<Record<string, AttributeValue | undefined>>;

/**
 * The role of a span, lower-case so it reads well in messages and selectors.
 *
 * @example
 * const kind: SpanKind = 'server';
 */
export type SpanKind = 'internal' | 'server' | 'client' | 'producer' | 'consumer';

/**
 * The status code of a span.
 *
 * @example
 * const failed = span.status.code === ('error' satisfies StatusCode);
 */
export type StatusCode = 'unset' | 'ok' | 'error';

/**
 * The status of a span: its code and, for errors, the message.
 *
 * @example
 * const status: SpanStatus = { code: 'error', message: 'card declined' };
 */
export interface SpanStatus {
  readonly code: StatusCode;
  readonly message?: string;
}

/**
 * A timed event inside a span (exceptions are events named `exception`).
 *
 * @example
 * const exception: SpanEvent | undefined = span.events.find((event) => event.name === 'exception');
 */
export interface SpanEvent {
  readonly name: string;
  /** Nanoseconds since the Unix epoch. */
  readonly timeUnixNano: bigint;
  readonly attributes: Attributes;
}

/**
 * A link from a span to another span context, possibly in another trace.
 *
 * @example
 * const linked = span.links.map((link: SpanLink) => link.traceId);
 */
export interface SpanLink {
  readonly traceId: string;
  readonly spanId: string;
  readonly attributes: Attributes;
}

/**
 * The instrumentation library that produced a span.
 *
 * @example
 * const scope: InstrumentationScope = span.scope; // { name: '@opentelemetry/instrumentation-http', version: '0.301.0' }
 */
export interface InstrumentationScope {
  readonly name: string;
  readonly version?: string;
}

/**
 * Where a span reached tracespec from.
 *
 * @example
 * const remote = traces.spans.filter((span) => span.source !== ('in-process' satisfies SpanSource));
 */
export type SpanSource =
  | 'in-process'
  | 'otlp-http'
  | 'otlp-grpc'
  | 'zipkin'
  | 'jaeger-http'
  | 'jaeger-udp'
  | 'file'
  | 'test';

/**
 * A normalized, readonly span: the one shape every source (in-process SDK, OTLP, Zipkin) is converted to.
 * Times are nanoseconds since the Unix epoch as `bigint`, so no precision is lost.
 *
 * @example
 * const span: Span = trace.spans[0];
 * console.log(span.service, span.kind, span.name, span.durationMs);
 */
export interface Span {
  /** 32 lower-case hex characters. */
  readonly traceId: string;
  /** 16 lower-case hex characters. */
  readonly spanId: string;
  /** The parent's span id, absent for a root span. */
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: SpanKind;
  readonly startTimeUnixNano: bigint;
  /** Equal to the start time while the span has not ended. */
  readonly endTimeUnixNano: bigint;
  readonly durationNano: bigint;
  /** The duration in milliseconds, as a float (for display and loose comparisons). */
  readonly durationMs: number;
  readonly attributes: Attributes;
  readonly events: readonly SpanEvent[];
  readonly links: readonly SpanLink[];
  readonly status: SpanStatus;
  /** `service.name` of the resource, or `unknown_service` when the resource has none. */
  readonly service: string;
  readonly resource: Attributes;
  readonly scope: InstrumentationScope;
  /** False for a span that was started and never ended (seen only through the recorder's open spans). */
  readonly ended: boolean;
  readonly source: SpanSource;
  /**
   * Only for a span that OpenTelemetry JS stamped in this process from `Date.now()` (started without a start time):
   * how far its recorded times sit from the process's monotonic clock, in nanoseconds. The timing matchers subtract
   * it when every span they compare has it, so that a process paused while a span started does not move that span
   * (see docs/timing.md).
   */
  readonly clockShiftNano?: bigint;
}
