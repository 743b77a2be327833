import type { AttributeValue, SpanEvent, SpanKind, SpanStatus } from '../../model/Span.ts';
import { nanosToMillis } from '../../model/time.ts';
import type { DecodedSpans } from '../DecodedSpans.ts';
import { isNoParent, spanIdProblem, traceIdProblem } from '../ids.ts';
import { arrayAt, describe, objectAt, stringAt } from '../jsonShape.ts';
import { MalformedInputError } from '../MalformedInputError.ts';
import { RejectionLog } from '../RejectionLog.ts';
import { padTraceId } from './padTraceId.ts';
import type { ZipkinAnnotation, ZipkinEndpoint, ZipkinSpan } from './ZipkinSpan.ts';

const KINDS: Readonly<Record<string, SpanKind>> = {
  CLIENT: 'client',
  SERVER: 'server',
  PRODUCER: 'producer',
  CONSUMER: 'consumer',
};

/**
 * The attribute that keeps a 64-bit Zipkin trace id visible after it was padded to 128 bits.
 *
 * @example
 * trace.root?.attributes[ZIPKIN_TRACE_ID_ATTRIBUTE]; // '463ac35c9f6413ad'
 */
export const ZIPKIN_TRACE_ID_ATTRIBUTE = 'zipkin.trace_id';

/**
 * Decodes a Zipkin v2 JSON span list: microseconds to nanoseconds (a span without a `timestamp` is rejected), `localEndpoint.serviceName` to the service,
 * tags to attributes, annotations to events, kinds mapped, 64-bit trace ids padded like OpenTelemetry's B3
 * propagator (the original kept as the `zipkin.trace_id` attribute).
 *
 * @example
 * const { spans } = decodeZipkinJson('[{"traceId":"463ac35c9f6413ad","id":"a2fb4a1d1a96d312","name":"get"}]');
 */
export function decodeZipkinJson(text: string): DecodedSpans {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new MalformedInputError(`body is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed))
    throw new MalformedInputError(`Zipkin v2 expects a JSON array of spans, got ${describe(parsed)}`);
  const log = new RejectionLog();
  for (let i = 0; i < parsed.length; i++)
    acceptZipkinSpan(objectAt<ZipkinSpan>(parsed[i], `[${i}]`) ?? {}, `[${i}]`, log);
  return log.result();
}

function acceptZipkinSpan(span: ZipkinSpan, path: string, log: RejectionLog): void {
  const original = stringAt(span.traceId, `${path}.traceId`).toLowerCase();
  const traceId = padTraceId(original);
  const spanId = stringAt(span.id, `${path}.id`).toLowerCase();
  const parentId = stringAt(span.parentId, `${path}.parentId`).toLowerCase();
  const name = stringAt(span.name, `${path}.name`);
  const problem =
    traceIdProblem(traceId) ??
    spanIdProblem(spanId) ??
    (isNoParent(parentId) ? undefined : spanIdProblem(parentId, 'parentId'));
  if (problem !== undefined) {
    log.reject(`span "${name}": ${problem}`);
    return;
  }
  const start = micros(span.timestamp, `${path}.timestamp`);
  if (start === 0n) {
    // Stored, it would be a span of 1970 that breaks every timing check: refused, and said so in the answer.
    log.reject(`span "${name}": no timestamp (epoch microseconds), so it cannot be placed in time`);
    return;
  }
  const tags = readTags(span.tags, `${path}.tags`);
  const attributes: Record<string, AttributeValue> = { ...tags };
  if (original.length === 16) attributes[ZIPKIN_TRACE_ID_ATTRIBUTE] = original;
  const remote = objectAt<ZipkinEndpoint>(span.remoteEndpoint, `${path}.remoteEndpoint`);
  if (remote?.serviceName) attributes['peer.service'] = remote.serviceName;
  const local = objectAt<ZipkinEndpoint>(span.localEndpoint, `${path}.localEndpoint`);
  const service = stringAt(local?.serviceName, `${path}.localEndpoint.serviceName`) || 'unknown_service';
  const duration = micros(span.duration, `${path}.duration`);
  const scopeName = tags['otel.scope.name'] ?? tags['otel.library.name'] ?? '';
  log.accept({
    traceId,
    spanId,
    ...(isNoParent(parentId) ? {} : { parentSpanId: parentId }),
    name,
    kind: KINDS[String(span.kind)] ?? 'internal',
    startTimeUnixNano: start,
    endTimeUnixNano: start + duration,
    durationNano: duration,
    durationMs: nanosToMillis(duration),
    attributes,
    events: arrayAt<ZipkinAnnotation>(span.annotations, `${path}.annotations`).map((a, i) =>
      event(a, `${path}.annotations[${i}]`),
    ),
    links: [],
    status: statusOf(tags),
    service,
    resource: { 'service.name': service },
    scope: { name: scopeName },
    ended: true,
    source: 'zipkin',
  });
}

function readTags(raw: unknown, path: string): Record<string, string> {
  const tags = objectAt<Record<string, unknown>>(raw, path) ?? {};
  const out: Record<string, string> = {};
  for (const key of Object.keys(tags)) {
    const value = tags[key];
    // Zipkin tags are strings; some clients send numbers or booleans, which are kept as their text.
    if (value !== null && typeof value !== 'object') out[key] = String(value);
    else if (value !== null) throw new MalformedInputError(`${path}.${key} should be a string, got ${describe(value)}`);
  }
  return out;
}

/** OpenTelemetry's Zipkin exporter writes `otel.status_code` and the error message as the `error` tag. */
function statusOf(tags: Readonly<Record<string, string>>): SpanStatus {
  const code = tags['otel.status_code']?.toUpperCase();
  const error = tags.error;
  if (code === 'ERROR' || (error !== undefined && code !== 'OK')) {
    return error ? { code: 'error', message: error } : { code: 'error' };
  }
  return code === 'OK' ? { code: 'ok' } : { code: 'unset' };
}

function event(raw: unknown, path: string): SpanEvent {
  const annotation = objectAt<ZipkinAnnotation>(raw, path) ?? {};
  return {
    name: stringAt(annotation.value, `${path}.value`),
    timeUnixNano: micros(annotation.timestamp, `${path}.timestamp`),
    attributes: {},
  };
}

function micros(value: unknown, path: string): bigint {
  if (value === undefined || value === null) return 0n;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new MalformedInputError(`${path} should be a non-negative number of microseconds, got ${describe(value)}`);
  }
  return BigInt(Math.round(value)) * 1000n;
}
