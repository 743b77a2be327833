import type { AttributeValue, Span, SpanEvent, SpanKind, SpanLink, SpanStatus } from '../../model/Span.ts';
import { nanosToMillis } from '../../model/time.ts';
import type { RejectionLog } from '../RejectionLog.ts';
import type { JaegerOrigin } from './JaegerOrigin.ts';
import { type JaegerLog, type JaegerSpan, type JaegerSpanRef, SpanRefType } from './JaegerThrift.ts';
import {
  JAEGER_DEBUG_ATTRIBUTE,
  JAEGER_SAMPLED_ATTRIBUTE,
  JAEGER_TRACE_ID_ATTRIBUTE,
  REF_TYPE_ATTRIBUTE,
} from './jaegerAttributes.ts';
import { addJaegerTags } from './jaegerTags.ts';

const KINDS: Readonly<Record<string, SpanKind>> = {
  client: 'client',
  server: 'server',
  producer: 'producer',
  consumer: 'consumer',
  internal: 'internal',
};
const REF_TYPES: Readonly<Record<number, string>> = {
  [SpanRefType.CHILD_OF]: 'child_of',
  [SpanRefType.FOLLOWS_FROM]: 'follows_from',
};
const MICROS = 1000n;

/**
 * Validates one Jaeger span and adds it to the log as a `Span`, or records why it was rejected (zero or missing
 * ids, a tag that cannot be read, a negative time).
 *
 * The mapping is OpenTelemetry's for Jaeger (its collector's Jaeger receiver): a 64-bit trace id is padded to 128
 * bits (the original kept as `jaeger.trace_id`); the parent is `parentSpanId`, or else the first CHILD_OF reference
 * in the same trace; every other reference becomes a link with `opentracing.ref_type`; tags become attributes by
 * type; logs become events named by their `event` field; `span.kind` gives the kind; `otel.status_code` or the
 * `error` tag give the status; flags become `jaeger.sampled` and `jaeger.debug`.
 */
export function acceptJaegerSpan(span: JaegerSpan, origin: JaegerOrigin, log: RejectionLog): void {
  const converted = toSpan(span, origin);
  if (typeof converted === 'string') log.reject(`span "${span.operationName ?? ''}": ${converted}`);
  else log.accept(converted);
}

/** The span, or why it cannot be one. */
function toSpan(span: JaegerSpan, origin: JaegerOrigin): Span | string {
  const high = span.traceIdHigh ?? 0n;
  const low = span.traceIdLow ?? 0n;
  if (high === 0n && low === 0n) return 'trace id is all zeros (traceIdHigh and traceIdLow are 0)';
  if (!span.spanId) return 'span id is all zeros';
  const start = span.startTime ?? 0n;
  const duration = span.duration ?? 0n;
  if (start < 0n || duration < 0n) return `startTime ${start} or duration ${duration} is negative`;
  if (start === 0n) return 'startTime is 0 (unset), so it cannot be placed in time';
  const attributes: Record<string, AttributeValue> = {};
  const problem = addJaegerTags(span.tags, attributes, 'the span');
  if (problem !== undefined) return problem;
  const traceId = traceIdHex(high, low);
  if (high === 0n) attributes[JAEGER_TRACE_ID_ATTRIBUTE] = hex64(low);
  const flags = span.flags ?? 0;
  attributes[JAEGER_SAMPLED_ATTRIBUTE] = (flags & 1) === 1;
  attributes[JAEGER_DEBUG_ATTRIBUTE] = (flags & 2) === 2;

  const references = span.references ?? [];
  const badRef = references.findIndex((ref) => !ref.spanId || (!ref.traceIdHigh && !ref.traceIdLow));
  if (badRef >= 0) return `reference ${badRef} has a zero trace id or span id`;
  const parentSpanId = span.parentSpanId ? hex64(span.parentSpanId) : parentFromReferences(references, traceId);
  const links = linksOf(references, traceId, parentSpanId);
  const events: SpanEvent[] = [];
  for (const entry of span.logs ?? []) {
    const event = eventOf(entry);
    if (typeof event === 'string') return event;
    events.push(event);
  }
  const durationNano = duration * MICROS;
  const scopeName = attributes['otel.scope.name'] ?? attributes['otel.library.name'];
  const scopeVersion = attributes['otel.scope.version'] ?? attributes['otel.library.version'];
  return {
    traceId,
    spanId: hex64(span.spanId),
    ...(parentSpanId === undefined ? {} : { parentSpanId }),
    name: span.operationName ?? '',
    kind: KINDS[String(attributes['span.kind']).toLowerCase()] ?? 'internal',
    startTimeUnixNano: start * MICROS,
    endTimeUnixNano: start * MICROS + durationNano,
    durationNano,
    durationMs: nanosToMillis(durationNano),
    attributes,
    events,
    links,
    status: statusOf(attributes, events),
    service: origin.service,
    resource: origin.resource,
    scope: {
      name: typeof scopeName === 'string' ? scopeName : '',
      ...(typeof scopeVersion === 'string' ? { version: scopeVersion } : {}),
    },
    ended: true,
    source: origin.source,
  };
}

/** 16 lower-case hex characters of an unsigned 64-bit id. */
function hex64(id: bigint): string {
  return id.toString(16).padStart(16, '0');
}

function traceIdHex(high: bigint, low: bigint): string {
  return hex64(high) + hex64(low);
}

function sameTrace(ref: JaegerSpanRef, traceId: string): boolean {
  return traceIdHex(ref.traceIdHigh ?? 0n, ref.traceIdLow ?? 0n) === traceId;
}

function parentFromReferences(references: readonly JaegerSpanRef[], traceId: string): string | undefined {
  const childOf = references.find((ref) => ref.refType === SpanRefType.CHILD_OF && sameTrace(ref, traceId));
  return childOf?.spanId ? hex64(childOf.spanId) : undefined;
}

/** Every reference but the CHILD_OF one that names the parent (once) becomes a link. */
function linksOf(references: readonly JaegerSpanRef[], traceId: string, parent: string | undefined): SpanLink[] {
  const links: SpanLink[] = [];
  let parentSeen = false;
  for (const ref of references) {
    const spanId = hex64(ref.spanId ?? 0n);
    if (!parentSeen && ref.refType === SpanRefType.CHILD_OF && spanId === parent && sameTrace(ref, traceId)) {
      parentSeen = true;
      continue;
    }
    const type = REF_TYPES[ref.refType ?? -1];
    links.push({
      traceId: traceIdHex(ref.traceIdHigh ?? 0n, ref.traceIdLow ?? 0n),
      spanId,
      attributes: type === undefined ? {} : { [REF_TYPE_ATTRIBUTE]: type },
    });
  }
  return links;
}

/** A log as an event named by its `event` field (which is then not repeated as an attribute), or why it cannot be. */
function eventOf(entry: JaegerLog): SpanEvent | string {
  const attributes: Record<string, AttributeValue> = {};
  const problem = addJaegerTags(entry.fields, attributes, 'a log');
  if (problem !== undefined) return problem;
  const timestamp = entry.timestamp ?? 0n;
  if (timestamp < 0n) return `a log has a negative timestamp ${timestamp}`;
  const name = attributes.event;
  if (name !== undefined) delete attributes.event;
  return { name: name === undefined ? '' : String(name), timeUnixNano: timestamp * MICROS, attributes };
}

/**
 * `otel.status_code` (written by OpenTelemetry's Jaeger exporters) decides; else an `error` tag that is true makes
 * the span an error, with `otel.status_description` or the message of an `error` log as the message (OpenTracing
 * logs errors as `{ event: 'error', message, error.object }`).
 */
function statusOf(attributes: Readonly<Record<string, AttributeValue>>, events: readonly SpanEvent[]): SpanStatus {
  const code = String(attributes['otel.status_code'] ?? '').toUpperCase();
  const error = attributes.error === true || attributes.error === 'true';
  if (code === 'OK') return { code: 'ok' };
  if (code !== 'ERROR' && !error) return { code: 'unset' };
  const description = attributes['otel.status_description'];
  const logged = events.findLast((event) => event.name === 'error')?.attributes;
  const message = description ?? logged?.message ?? logged?.['error.object'];
  return typeof message === 'string' && message !== '' ? { code: 'error', message } : { code: 'error' };
}
