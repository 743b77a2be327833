/**
 * A trace-context header format: W3C `traceparent`, B3 single `b3`, B3 multi `X-B3-*`, Jaeger `uber-trace-id`.
 *
 * @example
 * const format: PropagationFormat = 'b3multi';
 */
export type PropagationFormat = 'w3c' | 'b3' | 'b3multi' | 'jaeger';

/**
 * Every {@link PropagationFormat}, in the order messages list them.
 *
 * @example
 * PROPAGATION_FORMATS.includes('jaeger'); // true
 */
export const PROPAGATION_FORMATS: readonly PropagationFormat[] = ['w3c', 'b3', 'b3multi', 'jaeger'];

/**
 * The header(s) each format is sent in, as people write them.
 *
 * @example
 * FORMAT_HEADERS.b3multi; // 'X-B3-TraceId/X-B3-SpanId'
 */
export const FORMAT_HEADERS: Readonly<Record<PropagationFormat, string>> = {
  w3c: 'traceparent',
  b3: 'b3',
  b3multi: 'X-B3-TraceId/X-B3-SpanId',
  jaeger: 'uber-trace-id',
};
