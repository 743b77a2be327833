import type { SpanEvent, SpanLink, SpanSource } from '../../../model/Span.ts';
import type { DecodedSpans } from '../../DecodedSpans.ts';
import { arrayAt, enumAt, int64At, objectAt, stringAt } from '../../jsonShape.ts';
import { MalformedInputError } from '../../MalformedInputError.ts';
import { RejectionLog } from '../../RejectionLog.ts';
import { acceptOtlpSpan } from '../acceptOtlpSpan.ts';
import { spanOwner } from '../attributeNesting.ts';
import { serviceOf } from '../OtlpOrigin.ts';
import type { OtlpSpanDraft } from '../OtlpSpanDraft.ts';
import type {
  Loose,
  OtlpEvent,
  OtlpLink,
  OtlpResourceSpans,
  OtlpScopeSpans,
  OtlpSpan,
  OtlpTracesData,
} from './OtlpJson.ts';
import { readJsonAttributes } from './readJsonAttributes.ts';

const KIND_NAMES = [
  'SPAN_KIND_UNSPECIFIED',
  'SPAN_KIND_INTERNAL',
  'SPAN_KIND_SERVER',
  'SPAN_KIND_CLIENT',
  'SPAN_KIND_PRODUCER',
  'SPAN_KIND_CONSUMER',
];
const STATUS_NAMES = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'];

/**
 * Decodes an OTLP/JSON `ExportTraceServiceRequest` (hex ids, int64 as strings or numbers, enums as integers,
 * unknown fields ignored). Spans with invalid ids or no start time are rejected one by one; a body that is not JSON or has the
 * wrong shape throws {@link MalformedInputError} naming the JSON path, and yields nothing.
 *
 * @example
 * const { spans, rejected, problems } = decodeOtlpJson(text, 'otlp-http');
 */
export function decodeOtlpJson(text: string, source: SpanSource): DecodedSpans {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new MalformedInputError(`body is not JSON: ${(error as Error).message}`);
  }
  const request = objectAt<Loose<OtlpTracesData>>(parsed, 'request') ?? {};
  const log = new RejectionLog();
  const resources = arrayAt<unknown>(request.resourceSpans, 'resourceSpans');
  for (let r = 0; r < resources.length; r++) {
    const path = `resourceSpans[${r}]`;
    const resourceSpans = objectAt<Loose<OtlpResourceSpans>>(resources[r], path) ?? {};
    const resourceObject = objectAt<{ attributes?: unknown }>(resourceSpans.resource, `${path}.resource`);
    const resource = readJsonAttributes(resourceObject?.attributes, `${path}.resource.attributes`, 'resource');
    const service = serviceOf(resource);
    const scopes = arrayAt<unknown>(resourceSpans.scopeSpans, `${path}.scopeSpans`);
    for (let s = 0; s < scopes.length; s++) {
      const scopePath = `${path}.scopeSpans[${s}]`;
      const scopeSpans = objectAt<Loose<OtlpScopeSpans>>(scopes[s], scopePath) ?? {};
      const scopeObject = objectAt<{ name?: unknown; version?: unknown }>(scopeSpans.scope, `${scopePath}.scope`);
      const name = stringAt(scopeObject?.name, `${scopePath}.scope.name`);
      const version = stringAt(scopeObject?.version, `${scopePath}.scope.version`);
      const origin = { resource, service, scope: version ? { name, version } : { name }, source };
      const spans = arrayAt<unknown>(scopeSpans.spans, `${scopePath}.spans`);
      for (let i = 0; i < spans.length; i++)
        acceptOtlpSpan(readSpan(spans[i], `${scopePath}.spans[${i}]`), origin, log);
    }
  }
  return log.result();
}

function readSpan(raw: unknown, path: string): OtlpSpanDraft {
  const span = objectAt<Loose<OtlpSpan>>(raw, path) ?? {};
  const status = objectAt<{ code?: unknown; message?: unknown }>(span.status, `${path}.status`);
  const name = stringAt(span.name, `${path}.name`);
  const owner = spanOwner(name);
  return {
    traceId: id(span.traceId),
    spanId: id(span.spanId),
    parentSpanId: id(span.parentSpanId),
    name,
    kind: enumAt(span.kind, `${path}.kind`, KIND_NAMES),
    start: int64At(span.startTimeUnixNano, `${path}.startTimeUnixNano`),
    end: int64At(span.endTimeUnixNano, `${path}.endTimeUnixNano`),
    attributes: readJsonAttributes(span.attributes, `${path}.attributes`, owner),
    events: arrayAt<unknown>(span.events, `${path}.events`).map((event, i) =>
      readEvent(event, `${path}.events[${i}]`, owner),
    ),
    links: arrayAt<unknown>(span.links, `${path}.links`).map((link, i) => readLink(link, `${path}.links[${i}]`, owner)),
    statusCode: enumAt(status?.code, `${path}.status.code`, STATUS_NAMES),
    statusMessage: stringAt(status?.message, `${path}.status.message`),
  };
}

function readEvent(raw: unknown, path: string, owner: string): SpanEvent {
  const event = objectAt<Loose<OtlpEvent>>(raw, path) ?? {};
  const name = stringAt(event.name, `${path}.name`);
  return {
    name,
    timeUnixNano: int64At(event.timeUnixNano, `${path}.timeUnixNano`),
    attributes: readJsonAttributes(event.attributes, `${path}.attributes`, `${owner} event ${JSON.stringify(name)}`),
  };
}

function readLink(raw: unknown, path: string, owner: string): SpanLink {
  const link = objectAt<Loose<OtlpLink>>(raw, path) ?? {};
  return {
    traceId: id(link.traceId),
    spanId: id(link.spanId),
    attributes: readJsonAttributes(link.attributes, `${path}.attributes`, `${owner} link`),
  };
}

/** Ids are hex in OTLP/JSON; anything else is left for the id check to reject (partial success, not 400). */
function id(value: unknown): string {
  if (typeof value === 'string') return value.toLowerCase();
  return value === undefined || value === null ? '' : `<${typeof value}>`;
}
