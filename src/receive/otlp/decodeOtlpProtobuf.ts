import type { AttributeValue, InstrumentationScope, SpanEvent, SpanLink, SpanSource } from '../../model/Span.ts';
import type { DecodedSpans } from '../DecodedSpans.ts';
import { bytesToHex } from '../ids.ts';
import { MalformedInputError } from '../MalformedInputError.ts';
import { RejectionLog } from '../RejectionLog.ts';
import { acceptOtlpSpan } from './acceptOtlpSpan.ts';
import { serviceOf } from './OtlpOrigin.ts';
import { emptyDraft, type OtlpSpanDraft } from './OtlpSpanDraft.ts';
import { messageEnd, type ProtoReader, protoReader, readFixed64, skipField } from './ProtoReader.ts';
import { readKeyValue } from './readProtoAttributes.ts';

// Field tags are (field number << 3) | wire type, from opentelemetry-proto's trace.proto and common.proto.
interface ScopeGroup {
  scope: InstrumentationScope;
  drafts: OtlpSpanDraft[];
}

/**
 * Decodes a protobuf `ExportTraceServiceRequest` into spans. Spans with invalid ids are rejected one by one
 * (partial success); a body that is not valid protobuf throws {@link MalformedInputError} and yields nothing.
 *
 * @example
 * const { spans, rejected } = decodeOtlpProtobuf(body, 'otlp-http');
 */
export function decodeOtlpProtobuf(body: Uint8Array, source: SpanSource): DecodedSpans {
  const reader = protoReader(body);
  const log = new RejectionLog();
  try {
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      if (tag === 10) readResourceSpans(reader, source, log);
      else skipField(reader, tag);
    }
  } catch (error) {
    if (error instanceof MalformedInputError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new MalformedInputError(`${reason} at byte ${reader.pos} of ${reader.len}`);
  }
  return log.result();
}

function readResourceSpans(reader: ProtoReader, source: SpanSource, log: RejectionLog): void {
  const end = messageEnd(reader, 'ResourceSpans');
  const resource: Record<string, AttributeValue> = {};
  const groups: ScopeGroup[] = [];
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === 10) readAttributesMessage(reader, 'Resource', 10, resource);
    else if (tag === 18) groups.push(readScopeSpans(reader));
    else skipField(reader, tag);
  }
  const service = serviceOf(resource);
  for (const group of groups) {
    const origin = { resource, service, scope: group.scope, source };
    for (const draft of group.drafts) acceptOtlpSpan(draft, origin, log);
  }
}

function readAttributesMessage(
  reader: ProtoReader,
  what: string,
  attributeTag: number,
  into: Record<string, AttributeValue>,
): void {
  const end = messageEnd(reader, what);
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === attributeTag) readKeyValue(reader, into);
    else skipField(reader, tag);
  }
}

function readScopeSpans(reader: ProtoReader): ScopeGroup {
  const end = messageEnd(reader, 'ScopeSpans');
  const group: ScopeGroup = { scope: { name: '' }, drafts: [] };
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === 10) group.scope = readScope(reader);
    else if (tag === 18) group.drafts.push(readSpan(reader));
    else skipField(reader, tag);
  }
  return group;
}

function readScope(reader: ProtoReader): InstrumentationScope {
  const end = messageEnd(reader, 'InstrumentationScope');
  let name = '';
  let version = '';
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === 10) name = reader.string();
    else if (tag === 18) version = reader.string();
    else skipField(reader, tag);
  }
  return version ? { name, version } : { name };
}

function readSpan(reader: ProtoReader): OtlpSpanDraft {
  const end = messageEnd(reader, 'Span');
  const span = emptyDraft();
  while (reader.pos < end) {
    const tag = reader.uint32();
    switch (tag) {
      case 10:
        span.traceId = readId(reader);
        break;
      case 18:
        span.spanId = readId(reader);
        break;
      case 34:
        span.parentSpanId = readId(reader);
        break;
      case 42:
        span.name = reader.string();
        break;
      case 48:
        span.kind = reader.uint32();
        break;
      case 57:
        span.start = readFixed64(reader);
        break;
      case 65:
        span.end = readFixed64(reader);
        break;
      case 74:
        readKeyValue(reader, span.attributes);
        break;
      case 90:
        span.events.push(readEvent(reader));
        break;
      case 106:
        span.links.push(readLink(reader));
        break;
      case 122:
        readStatus(reader, span);
        break;
      default:
        skipField(reader, tag);
    }
  }
  return span;
}

function readId(reader: ProtoReader): string {
  const end = messageEnd(reader, 'id');
  // An id longer than 16 bytes is invalid anyway; hexing at most 17 bytes keeps a hostile length cheap.
  const hex = bytesToHex(reader.buf, reader.pos, Math.min(end, reader.pos + 17));
  reader.pos = end;
  return hex;
}

function readEvent(reader: ProtoReader): SpanEvent {
  const end = messageEnd(reader, 'Event');
  let timeUnixNano = 0n;
  let name = '';
  const attributes: Record<string, AttributeValue> = {};
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === 9) timeUnixNano = readFixed64(reader);
    else if (tag === 18) name = reader.string();
    else if (tag === 26) readKeyValue(reader, attributes);
    else skipField(reader, tag);
  }
  return { name, timeUnixNano, attributes };
}

function readLink(reader: ProtoReader): SpanLink {
  const end = messageEnd(reader, 'Link');
  let traceId = '';
  let spanId = '';
  const attributes: Record<string, AttributeValue> = {};
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === 10) traceId = readId(reader);
    else if (tag === 18) spanId = readId(reader);
    else if (tag === 34) readKeyValue(reader, attributes);
    else skipField(reader, tag);
  }
  return { traceId, spanId, attributes };
}

function readStatus(reader: ProtoReader, span: OtlpSpanDraft): void {
  const end = messageEnd(reader, 'Status');
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === 18) span.statusMessage = reader.string();
    else if (tag === 24) span.statusCode = reader.uint32();
    else skipField(reader, tag);
  }
}
