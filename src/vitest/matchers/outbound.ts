// The outbound family: matchers on the requests `recordOutbound(server)` (tracespec/msw) recorded, and the trace
// context they carried. Runtime matchers and their typed `Matchers` augmentation side by side; the checks are in
// check/outbound/.
import type { BaggageExpectation, BaggageOptions } from '../../check/outbound/BaggageExpectation.ts';
import { hasBaggage } from '../../check/outbound/hasBaggage.ts';
import { hasPropagatedTo } from '../../check/outbound/hasPropagatedTo.ts';
import { hasSentRequest } from '../../check/outbound/hasSentRequest.ts';
import { hasTraceContext } from '../../check/outbound/hasTraceContext.ts';
import type { PropagateToOptions } from '../../check/outbound/PropagateToOptions.ts';
import type { SentRequestOptions, UrlMatcher } from '../../check/outbound/SentRequestOptions.ts';
import type { TraceContextExpectation } from '../../check/outbound/TraceContextExpectation.ts';
import { testSpans } from '../testSpans.ts';
import { defineMatchers, toMatcher } from '../toMatcher.ts';

/**
 * The matchers over outbound requests as vitest sees them. Inside a traced test they find the test's trace and
 * the CLIENT span that sent each request by themselves, and count only the test's requests.
 */
export interface OutboundMatchers<R = unknown> {
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

/** Fills `spans` with the current test's spans when the caller gave none. */
function withTestSpans(expectation: TraceContextExpectation = {}): TraceContextExpectation {
  if (expectation.spans) return expectation;
  const spans = testSpans();
  return spans ? { ...expectation, spans } : expectation;
}

/**
 * The outbound matchers, for `expect.extend` (importing `tracespec/vitest` registers them).
 *
 * @example
 * expect.extend(outboundMatchers);
 */
export const outboundMatchers = defineMatchers<OutboundMatchers>({
  toCarryTraceContext: toMatcher('request', (request, expected?: TraceContextExpectation) =>
    hasTraceContext(request, withTestSpans(expected)),
  ),
  toCarryBaggage: toMatcher('request', (request, expected: BaggageExpectation, options?: BaggageOptions) =>
    hasBaggage(request, expected, options),
  ),
  toHaveSentRequest: toMatcher('outbound', (outbound, url: UrlMatcher, options?: SentRequestOptions) =>
    hasSentRequest(
      outbound,
      url,
      options?.carrying ? { ...options, carrying: withTestSpans(options.carrying) } : options,
    ),
  ),
  toPropagateTo: toMatcher('outbound', (outbound, host: string | RegExp, options?: PropagateToOptions) =>
    hasPropagatedTo(outbound, host, options),
  ),
});

declare module 'vitest' {
  // T is part of vitest's declaration and must be repeated.
  interface Matchers<R, T> extends OutboundMatchers<R> {}
}
