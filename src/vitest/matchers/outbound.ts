import type { BaggageExpectation, BaggageOptions } from '../../check/outbound/BaggageExpectation.ts';
import { checkCarriesBaggage } from '../../check/outbound/hasBaggage.ts';
import { checkPropagatesTo } from '../../check/outbound/hasPropagatedTo.ts';
import { checkSentRequest } from '../../check/outbound/hasSentRequest.ts';
import { checkCarriesTraceContext } from '../../check/outbound/hasTraceContext.ts';
import type { PropagateToOptions } from '../../check/outbound/PropagateToOptions.ts';
import type { SentRequestOptions, UrlMatcher } from '../../check/outbound/SentRequestOptions.ts';
import type { TraceContextExpectation } from '../../check/outbound/TraceContextExpectation.ts';
import { testSpans } from '../testSpans.ts';
import { toMatcher } from '../toMatcher.ts';

/** Fills `spans` with the current test's spans when the caller gave none. */
function withTestSpans(expectation: TraceContextExpectation = {}): TraceContextExpectation {
  if (expectation.spans) return expectation;
  const spans = testSpans();
  return spans ? { ...expectation, spans } : expectation;
}

/**
 * The matchers over requests recorded by `recordOutbound(server)` (`tracespec/msw`), registered by importing
 * `tracespec/vitest`. Inside a traced test they find the test's trace and the CLIENT span that sent each request
 * by themselves.
 *
 * @example
 * import { expect } from 'vitest';
 * import { tracespecMswMatchers } from 'tracespec/vitest';
 * expect.extend(tracespecMswMatchers);
 */
export const tracespecMswMatchers = {
  toCarryTraceContext: toMatcher('toCarryTraceContext', 'request', (received, expected?: TraceContextExpectation) =>
    checkCarriesTraceContext(received, withTestSpans(expected)),
  ),
  toCarryBaggage: toMatcher(
    'toCarryBaggage',
    'request',
    (received, expected: BaggageExpectation, options?: BaggageOptions) =>
      checkCarriesBaggage(received, expected, options),
  ),
  toHaveSentRequest: toMatcher(
    'toHaveSentRequest',
    'outbound',
    (received, url: UrlMatcher, options?: SentRequestOptions) =>
      checkSentRequest(
        received,
        url,
        options?.carrying ? { ...options, carrying: withTestSpans(options.carrying) } : options,
      ),
  ),
  toPropagateTo: toMatcher(
    'toPropagateTo',
    'outbound',
    (received, host: string | RegExp, options?: PropagateToOptions) => checkPropagatesTo(received, host, options),
  ),
};
