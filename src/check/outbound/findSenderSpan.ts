import type { Span } from '../../model/Span.ts';
import type { OutboundRequest } from './OutboundRequest.ts';

/**
 * Finds the CLIENT span that sent a request: the current span when it is a CLIENT span (`node:http`), else the
 * CLIENT child of the current span whose URL attribute is the request's URL (undici/`fetch`), else its only
 * CLIENT child. Among several candidates, the one whose id the request carries wins.
 *
 * @example
 * const client = findSenderSpan(request, store.spans());
 */
export function findSenderSpan(
  request: OutboundRequest,
  spans: Iterable<Span>,
  carriedParentId?: string,
): Span | undefined {
  const current = request.currentSpan;
  if (!current) return undefined;
  const children: Span[] = [];
  for (const span of spans) {
    if (span.kind !== 'client' || span.traceId !== current.traceId) continue;
    if (span.spanId === current.spanId) return span;
    if (span.parentSpanId === current.spanId) children.push(span);
  }
  // The same URL called twice under one span (a retry): the header's own parent id tells them apart.
  const sameUrl = children.filter((span) => urlOf(span) === request.url);
  const candidates = sameUrl.length > 0 ? sameUrl : children;
  if (candidates.length === 1) return candidates[0];
  return candidates.find((span) => span.spanId === carriedParentId);
}

function urlOf(span: Span): unknown {
  return span.attributes['url.full'] ?? span.attributes['http.url'];
}
