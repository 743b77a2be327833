import type { Attributes, AttributeValue, Span, SpanEvent, SpanLink, SpanStatus } from '../model/Span.ts';

/**
 * One copy of each string of a request. A decoder makes a new string for every occurrence: the trace id of each of a
 * trace's spans, a child's parent id beside its parent's span id, every `GET` and every span name that repeats. Held
 * in a store, those copies were about a third of a span's memory (bench row 11).
 *
 * @example
 * const pool = new StringPool();
 * pool.get(traceIdOfSpanA) === pool.get(traceIdOfSpanB); // the same string object when the texts are equal
 */
export class StringPool {
  readonly #strings = new Map<string, string>();

  get(text: string): string {
    const found = this.#strings.get(text);
    if (found !== undefined) return found;
    this.#strings.set(text, text);
    return text;
  }
}

// Shared, frozen values that most spans hold: a status without a message, and no links or events.
const STATUS: Readonly<Record<SpanStatus['code'], SpanStatus>> = Object.freeze({
  unset: Object.freeze({ code: 'unset' }),
  ok: Object.freeze({ code: 'ok' }),
  error: Object.freeze({ code: 'error' }),
});
const NONE: readonly never[] = Object.freeze([]);

/**
 * The span as a store keeps it: its strings (ids, names, string attribute values) taken from the request's pool,
 * and the shared status and empty lists where it has no message, links or events. Equal to the span in every field.
 * For a decoder's new span: its attribute objects are pooled in place.
 *
 * @example
 * const kept = pooledSpan(decoded, pool); // what RejectionLog.accept stores
 */
export function pooledSpan(span: Span, pool: StringPool): Span {
  const { parentSpanId } = span;
  return {
    ...span,
    traceId: pool.get(span.traceId),
    spanId: pool.get(span.spanId),
    ...(parentSpanId === undefined ? {} : { parentSpanId: pool.get(parentSpanId) }),
    name: pool.get(span.name),
    attributes: pooledAttributes(span.attributes, pool),
    events: span.events.length === 0 ? NONE : span.events.map((event) => pooledEvent(event, pool)),
    links: span.links.length === 0 ? NONE : span.links.map((link) => pooledLink(link, pool)),
    status: span.status.message === undefined ? STATUS[span.status.code] : span.status,
  };
}

function pooledEvent(event: SpanEvent, pool: StringPool): SpanEvent {
  return {
    name: pool.get(event.name),
    timeUnixNano: event.timeUnixNano,
    attributes: pooledAttributes(event.attributes, pool),
  };
}

function pooledLink(link: SpanLink, pool: StringPool): SpanLink {
  return {
    traceId: pool.get(link.traceId),
    spanId: pool.get(link.spanId),
    attributes: pooledAttributes(link.attributes, pool),
  };
}

// The decoders' attribute objects are their own, new for each span: pooled in place, without a copy.
function pooledAttributes(attributes: Attributes, pool: StringPool): Attributes {
  const own = attributes as Record<string, AttributeValue | undefined>;
  for (const key of Object.keys(own)) {
    const value = own[key];
    if (typeof value === 'string') own[key] = pool.get(value);
  }
  return attributes;
}
