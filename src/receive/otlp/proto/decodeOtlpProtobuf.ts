import type { AttributeValue, InstrumentationScope, SpanEvent, SpanLink, SpanSource } from '../../../model/Span.ts';
import type { DecodedSpans } from '../../DecodedSpans.ts';
import { bytesToHex } from '../../ids.ts';
import { MalformedInputError } from '../../MalformedInputError.ts';
import { RejectionLog } from '../../RejectionLog.ts';
import { acceptOtlpSpan } from '../acceptOtlpSpan.ts';
import { spanOwner, tooDeepProblem } from '../attributeNesting.ts';
import { serviceOf } from '../OtlpOrigin.ts';
import { emptyDraft, type OtlpSpanDraft } from '../OtlpSpanDraft.ts';
import * as proto from './fields.ts';
import { messageEnd, type ProtoReader, protoReader, readFixed64, skipField } from './ProtoReader.ts';
import { readKeyValue } from './readProtoAttributes.ts';

interface ScopeGroup {
  scope: InstrumentationScope;
  drafts: OtlpSpanDraft[];
}

/**
 * Decodes a protobuf `ExportTraceServiceRequest` into spans. Spans with invalid ids or no start time are rejected one by one
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
      if (tag === proto.ExportTraceServiceRequest.resource_spans) readResourceSpans(reader, source, log);
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
    if (tag === proto.ResourceSpans.resource) readResource(reader, resource);
    else if (tag === proto.ResourceSpans.scope_spans) groups.push(readScopeSpans(reader));
    else skipField(reader, tag);
  }
  const service = serviceOf(resource);
  for (const group of groups) {
    const origin = { resource, service, scope: group.scope, source };
    for (const draft of group.drafts) acceptOtlpSpan(draft, origin, log);
  }
}

function readResource(reader: ProtoReader, into: Record<string, AttributeValue>): void {
  const end = messageEnd(reader, 'Resource');
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === proto.Resource.attributes) {
      const tooDeep = readKeyValue(reader, into);
      if (tooDeep !== undefined) throw new MalformedInputError(tooDeepProblem('resource', tooDeep));
    } else skipField(reader, tag);
  }
}

function readScopeSpans(reader: ProtoReader): ScopeGroup {
  const end = messageEnd(reader, 'ScopeSpans');
  const group: ScopeGroup = { scope: { name: '' }, drafts: [] };
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === proto.ScopeSpans.scope) group.scope = readScope(reader);
    else if (tag === proto.ScopeSpans.spans) group.drafts.push(readSpan(reader));
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
    if (tag === proto.InstrumentationScope.name) name = reader.string();
    else if (tag === proto.InstrumentationScope.version) version = reader.string();
    else skipField(reader, tag);
  }
  return version ? { name, version } : { name };
}

function readSpan(reader: ProtoReader): OtlpSpanDraft {
  const end = messageEnd(reader, 'Span');
  const span = emptyDraft();
  // The first attribute nested too deep, named once the span's name is known (it may come later on the wire).
  let tooDeep: TooDeep | undefined;
  const onTooDeep: TooDeepSink = (where) => {
    tooDeep ??= where;
  };
  while (reader.pos < end) {
    const tag = reader.uint32();
    switch (tag) {
      case proto.Span.trace_id:
        span.traceId = readId(reader);
        break;
      case proto.Span.span_id:
        span.spanId = readId(reader);
        break;
      case proto.Span.parent_span_id:
        span.parentSpanId = readId(reader);
        break;
      case proto.Span.name:
        span.name = reader.string();
        break;
      case proto.Span.kind:
        span.kind = reader.uint32();
        break;
      case proto.Span.start_time_unix_nano:
        span.start = readFixed64(reader);
        break;
      case proto.Span.end_time_unix_nano:
        span.end = readFixed64(reader);
        break;
      case proto.Span.attributes: {
        const key = readKeyValue(reader, span.attributes);
        if (key !== undefined) onTooDeep({ part: '', key });
        break;
      }
      case proto.Span.events:
        span.events.push(readEvent(reader, onTooDeep));
        break;
      case proto.Span.links:
        span.links.push(readLink(reader, onTooDeep));
        break;
      case proto.Span.status:
        readStatus(reader, span);
        break;
      default:
        skipField(reader, tag);
    }
  }
  if (tooDeep !== undefined) {
    const owner = `${spanOwner(span.name)}${tooDeep.part ? ` ${tooDeep.part}` : ''}`;
    throw new MalformedInputError(tooDeepProblem(owner, tooDeep.key));
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

/** An attribute nested too deep: its key, and the part of the span it is on (`event "retry"`, `link`, or ''). */
interface TooDeep {
  readonly part: string;
  readonly key: string;
}

type TooDeepSink = (where: TooDeep) => void;

function readEvent(reader: ProtoReader, onTooDeep: TooDeepSink): SpanEvent {
  const end = messageEnd(reader, 'Event');
  let timeUnixNano = 0n;
  let name = '';
  let tooDeep: string | undefined;
  const attributes: Record<string, AttributeValue> = {};
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === proto.Event.time_unix_nano) timeUnixNano = readFixed64(reader);
    else if (tag === proto.Event.name) name = reader.string();
    else if (tag === proto.Event.attributes) tooDeep ??= readKeyValue(reader, attributes);
    else skipField(reader, tag);
  }
  if (tooDeep !== undefined) onTooDeep({ part: `event ${JSON.stringify(name)}`, key: tooDeep });
  return { name, timeUnixNano, attributes };
}

function readLink(reader: ProtoReader, onTooDeep: TooDeepSink): SpanLink {
  const end = messageEnd(reader, 'Link');
  let traceId = '';
  let spanId = '';
  const attributes: Record<string, AttributeValue> = {};
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === proto.Link.trace_id) traceId = readId(reader);
    else if (tag === proto.Link.span_id) spanId = readId(reader);
    else if (tag === proto.Link.attributes) {
      const key = readKeyValue(reader, attributes);
      if (key !== undefined) onTooDeep({ part: 'link', key });
    } else skipField(reader, tag);
  }
  return { traceId, spanId, attributes };
}

function readStatus(reader: ProtoReader, span: OtlpSpanDraft): void {
  const end = messageEnd(reader, 'Status');
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === proto.Status.message) span.statusMessage = reader.string();
    else if (tag === proto.Status.code) span.statusCode = reader.uint32();
    else skipField(reader, tag);
  }
}
