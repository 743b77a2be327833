import type { ReadableSpanLike } from './ReadableSpanLike.ts';
import type { Attributes, Span, SpanKind, SpanSource, StatusCode } from './Span.ts';
import { sdkClockShift } from './sdkClock.ts';
import { hrTimeToNanos, nanosToMillis } from './time.ts';

const KINDS: readonly SpanKind[] = ['internal', 'server', 'client', 'producer', 'consumer'];
const STATUS: readonly StatusCode[] = ['unset', 'ok', 'error'];

/** Maps OpenTelemetry's API `SpanKind` number (0 = INTERNAL ... 4 = CONSUMER) to tracespec's kind. */
export function spanKindFromApi(kind: number): SpanKind {
  return KINDS[kind] ?? 'internal';
}

/** Maps OpenTelemetry's API `SpanStatusCode` number (0 = UNSET, 1 = OK, 2 = ERROR). */
export function statusCodeFromApi(code: number): StatusCode {
  return STATUS[code] ?? 'unset';
}

/**
 * Converts an OpenTelemetry `ReadableSpan` (SDK 2.x or 3.x) to a tracespec {@link Span}.
 *
 * @example
 * const span = fromReadableSpan(readableSpan);
 */
export function fromReadableSpan(span: ReadableSpanLike, source: SpanSource = 'in-process'): Span {
  const context = span.spanContext();
  const start = hrTimeToNanos(span.startTime);
  const end = span.ended ? hrTimeToNanos(span.endTime) : start;
  const duration = end > start ? end - start : 0n;
  const resource = span.resource.attributes as Attributes;
  const serviceName = resource['service.name'];
  const scope = span.instrumentationScope ?? span.instrumentationLibrary ?? { name: '' };
  const parentSpanId = span.parentSpanContext?.spanId ?? span.parentSpanId;
  const status = span.status.message
    ? { code: statusCodeFromApi(span.status.code), message: span.status.message }
    : { code: statusCodeFromApi(span.status.code) };
  const clockShift = span.ended ? sdkClockShift(span, start, duration) : undefined;
  return {
    traceId: context.traceId,
    spanId: context.spanId,
    ...(parentSpanId ? { parentSpanId } : {}),
    name: span.name,
    kind: spanKindFromApi(span.kind),
    startTimeUnixNano: start,
    endTimeUnixNano: end,
    durationNano: duration,
    durationMs: nanosToMillis(duration),
    attributes: span.attributes as Attributes,
    events: span.events.map((event) => ({
      name: event.name,
      timeUnixNano: hrTimeToNanos(event.time),
      attributes: (event.attributes ?? {}) as Attributes,
    })),
    links: span.links.map((link) => ({
      traceId: link.context.traceId,
      spanId: link.context.spanId,
      attributes: (link.attributes ?? {}) as Attributes,
    })),
    status,
    service: typeof serviceName === 'string' && serviceName !== '' ? serviceName : 'unknown_service',
    resource,
    scope: scope.version ? { name: scope.name, version: scope.version } : { name: scope.name },
    ended: span.ended,
    source,
    ...(clockShift === undefined ? {} : { clockShiftNano: clockShift }),
  };
}
