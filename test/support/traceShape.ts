// Small views on recorded spans for the container tests' assertions.
import type { RecordedSpan } from './decodeOtlpSpans.ts';

/** Services that sent at least one span. */
export function servicesOf(spans: readonly RecordedSpan[]): string[] {
  return [...new Set(spans.map((span) => span.service))].sort();
}

/** Trace ids, one per distinct trace. */
export function traceIdsOf(spans: readonly RecordedSpan[]): string[] {
  return [...new Set(spans.map((span) => span.traceId))];
}

/** Spans whose parent is not among the received spans (the roots of what arrived). */
export function rootsOf(spans: readonly RecordedSpan[]): string[] {
  const ids = new Set(spans.map((span) => span.spanId));
  return spans.filter((span) => !ids.has(span.parentSpanId)).map((span) => `${span.service}:${span.name}`);
}

/** True once a checkout went through all three services, background step included. */
export function isCompleteCheckout(spans: readonly RecordedSpan[]): boolean {
  return servicesOf(spans).length === 3 && spans.some((span) => span.name === 'orders.record');
}
