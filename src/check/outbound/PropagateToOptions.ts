/**
 * What `toPropagateTo` counts as propagation: trace-context headers, baggage headers, or either (default).
 *
 * @example
 * expect(outbound).not.toPropagateTo(/\.partner\.com$/, { only: 'baggage' });
 */
export interface PropagateToOptions {
  readonly only?: 'trace-context' | 'baggage';
}
