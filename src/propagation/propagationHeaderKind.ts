/**
 * What a request header propagates: `trace-context` (traceparent, tracestate, b3, X-B3-*, uber-trace-id,
 * ot-tracer-*), `baggage` (baggage, uberctx-*, jaeger-baggage, ot-baggage-*), or undefined for any other header.
 *
 * @example
 * propagationHeaderKind('X-B3-TraceId'); // 'trace-context'
 * propagationHeaderKind('uberctx-tenant'); // 'baggage'
 * propagationHeaderKind('accept'); // undefined
 */
export function propagationHeaderKind(name: string): 'trace-context' | 'baggage' | undefined {
  const lower = name.toLowerCase();
  if (['traceparent', 'tracestate', 'b3', 'uber-trace-id'].includes(lower)) return 'trace-context';
  if (lower.startsWith('x-b3-') || lower.startsWith('ot-tracer-')) return 'trace-context';
  if (lower === 'baggage' || lower === 'jaeger-baggage') return 'baggage';
  if (lower.startsWith('uberctx-') || lower.startsWith('ot-baggage-')) return 'baggage';
  return undefined;
}
