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
 * For a decoder's new span, which nothing else holds yet: it is pooled in place, without a copy (a copy of every
 * span cost a third more decoding time in bench row 4c).
 *
 * @example
 * const kept = pooledSpan(decoded, pool); // what RejectionLog.accept stores
 */
export function pooledSpan(span: Span, pool: StringPool): Span {
  const own = span as Mutable<Span>;
  own.traceId = pool.get(span.traceId);
  own.spanId = pool.get(span.spanId);
  if (span.parentSpanId !== undefined) own.parentSpanId = pool.get(span.parentSpanId);
  own.name = pool.get(span.name);
  pooledAttributes(span.attributes, pool);
  // A decoder's list grew by push, and V8 gave it room for 17 items (152 bytes for one event, a quarter of a stored
  // span): the store keeps an exact copy instead.
  if (span.events.length === 0) own.events = NONE;
  else {
    for (const event of span.events) pooledEvent(event as Mutable<SpanEvent>, pool);
    own.events = span.events.slice();
  }
  if (span.links.length === 0) own.links = NONE;
  else {
    for (const link of span.links) pooledLink(link as Mutable<SpanLink>, pool);
    own.links = span.links.slice();
  }
  if (span.status.message === undefined) own.status = STATUS[span.status.code];
  return span;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function pooledEvent(event: Mutable<SpanEvent>, pool: StringPool): void {
  event.name = pool.get(event.name);
  pooledAttributes(event.attributes, pool);
}

function pooledLink(link: Mutable<SpanLink>, pool: StringPool): void {
  link.traceId = pool.get(link.traceId);
  link.spanId = pool.get(link.spanId);
  pooledAttributes(link.attributes, pool);
}

// The decoders' attribute objects are their own, new for each span: pooled in place, without a copy.
function pooledAttributes(attributes: Attributes, pool: StringPool): void {
  const own = attributes as Record<string, AttributeValue | undefined>;
  for (const key of Object.keys(own)) {
    const value = own[key];
    if (typeof value === 'string') own[key] = pool.get(value);
  }
}
