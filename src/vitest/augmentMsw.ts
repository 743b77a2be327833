import type { BaggageExpectation, BaggageOptions } from '../check/outbound/BaggageExpectation.ts';
import type { PropagateToOptions } from '../check/outbound/PropagateToOptions.ts';
import type { SentRequestOptions, UrlMatcher } from '../check/outbound/SentRequestOptions.ts';
import type { TraceContextExpectation } from '../check/outbound/TraceContextExpectation.ts';

/** tracespec's matchers over outbound requests recorded with `recordOutbound(server)` from `tracespec/msw`. */
export interface TracespecMswMatchers<R = unknown> {
  /**
   * The request carries a valid trace-context header (`w3c` by default, or `b3`, `b3multi`, `jaeger`) in the
   * test's trace, whose parent is the CLIENT span that sent it; optionally with a sampling flag and tracestate.
   *
   * @example
   * expect(outbound.last).toCarryTraceContext({ format: 'b3', sampled: true });
   */
  toCarryTraceContext(expected?: TraceContextExpectation): R;
  /**
   * The request carries baggage (W3C `baggage`, or Jaeger `uberctx-*`) with these entries (values or patterns).
   *
   * @example
   * expect(outbound.last).toCarryBaggage({ tenant: 'acme' });
   */
  toCarryBaggage(expected: BaggageExpectation, options?: BaggageOptions): R;
  /**
   * A request to this URL (exact, pattern or predicate) was sent, with the method, headers, count and trace
   * context given.
   *
   * @example
   * expect(outbound).toHaveSentRequest('http://payments.test/charge', { method: 'POST', carrying: { format: 'b3' } });
   */
  toHaveSentRequest(url: UrlMatcher, options?: SentRequestOptions): R;
  /**
   * Some request to this host carried trace context or baggage; use it with `.not` to prove nothing leaks.
   *
   * @example
   * expect(outbound).not.toPropagateTo(/\.partner\.com$/);
   */
  toPropagateTo(host: string | RegExp, options?: PropagateToOptions): R;
}

declare module 'vitest' {
  // T is part of vitest's declaration and must be repeated.
  interface Matchers<R, T> extends TracespecMswMatchers<R> {}
}
