import type { Span } from '../../model/Span.ts';
import type { OutboundRequest } from './OutboundRequest.ts';

/**
 * The test's trace: the trace of the span current when the request left, when that span and its ancestors up to
 * a root are among the test's spans; else (a stale context from outside the test) the trace of the earliest root.
 * Without spans, the current span's trace.
 *
 * @example
 * testTraceIdOf(outbound.last, spans); // '4bf92f3577b34da6a3ce929d0e0e4736'
 */
export function testTraceIdOf(request: OutboundRequest, spans: readonly Span[] | undefined): string | undefined {
  const current = request.currentSpan;
  if (!spans || spans.length === 0) return current?.traceId;
  if (current && reachesRoot(current.spanId, spans)) return current.traceId;
  // Roots first: a span of a stale context has a parent outside the test, and start times can tie (1 ms steps).
  const roots = spans.filter((span) => span.parentSpanId === undefined);
  const candidates = roots.length > 0 ? roots : spans;
  const earliest = candidates.reduce((first, span) =>
    span.startTimeUnixNano < first.startTimeUnixNano ? span : first,
  );
  return earliest.traceId;
}

function reachesRoot(spanId: string, spans: readonly Span[]): boolean {
  const byId = new Map(spans.map((span) => [span.spanId, span]));
  const seen = new Set<string>();
  for (let span = byId.get(spanId); span; span = span.parentSpanId ? byId.get(span.parentSpanId) : undefined) {
    if (span.parentSpanId === undefined) return true;
    if (seen.has(span.spanId)) return false;
    seen.add(span.spanId);
  }
  return false;
}
