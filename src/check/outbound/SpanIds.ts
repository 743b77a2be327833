/**
 * The ids of a span, as seen when an outbound request left.
 *
 * @example
 * const ids: SpanIds = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7' };
 */
export interface SpanIds {
  readonly traceId: string;
  readonly spanId: string;
}
