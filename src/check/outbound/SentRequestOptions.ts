import type { OutboundRequest } from './OutboundRequest.ts';
import type { TraceContextExpectation } from './TraceContextExpectation.ts';

/**
 * Which requests `toHaveSentRequest` counts, and what they must carry.
 *
 * @example
 * expect(outbound).toHaveSentRequest('http://payments.test/charge', { method: 'POST', carrying: { format: 'b3' } });
 */
export interface SentRequestOptions {
  /** HTTP method, any case. */
  readonly method?: string;
  /** Headers the request must have (names in any case): exact value or pattern. */
  readonly headers?: Readonly<Record<string, string | RegExp>>;
  /** Exact number of matching requests; at least one by default. */
  readonly times?: number;
  /** Every matching request must carry this trace context (see `toCarryTraceContext`). */
  readonly carrying?: TraceContextExpectation;
}

/**
 * Which URL `toHaveSentRequest` looks for: the exact URL (a query string may follow), a pattern tested on the
 * URL, or a predicate on the request.
 *
 * @example
 * const url: UrlMatcher = /\/users\/\d+$/;
 */
export type UrlMatcher = string | RegExp | ((request: OutboundRequest) => boolean);
