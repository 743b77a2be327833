import type { CheckResult } from '../CheckResult.ts';
import { checkMessage } from '../checkMessage.ts';
import { describeOutbound } from './describeOutbound.ts';
import { hasTraceContext } from './hasTraceContext.ts';
import type { OutboundRequest } from './OutboundRequest.ts';
import { requestsOf } from './requestsOf.ts';
import type { SentRequestOptions, UrlMatcher } from './SentRequestOptions.ts';

/**
 * Checks that the recorded requests include one to `url` (with the method and headers given), optionally an
 * exact number of times, each carrying the given trace context. The message lists every request recorded.
 * `subject` is the recorder (all its requests count) or a list of requests.
 *
 * @example
 * hasSentRequest(outbound, 'http://api.example.test/users', { method: 'GET', carrying: { format: 'w3c' } }).pass;
 */
export function hasSentRequest(subject: unknown, url: UrlMatcher, options: SentRequestOptions = {}): CheckResult {
  const requests = requestsOf(subject, 'toHaveSentRequest');
  const matching = requests.filter((request) => matchesUrl(request, url) && matchesOptions(request, options));
  const countProblem =
    options.times === undefined
      ? matching.length === 0
        ? 'no recorded request matches'
        : undefined
      : matching.length === options.times
        ? undefined
        : `${matching.length} matching request${matching.length === 1 ? '' : 's'}, expected ${options.times}`;
  const carryFailure = options.carrying
    ? matching.map((request) => hasTraceContext(request, options.carrying)).find((result) => !result.pass)
    : undefined;
  const described = describeMatcher(url, options);
  // No actual/expected: a diff between a URL pattern and the requests sent says less than the list below.
  return {
    pass: countProblem === undefined && carryFailure === undefined,
    message: () => {
      const expected = `${countProblem === undefined && !carryFailure ? 'no ' : ''}request ${described}`;
      if (countProblem !== undefined || !carryFailure) {
        return checkMessage({
          expected,
          received: countProblem ?? `${matching.length} matching`,
          blocks: [['Requests sent:', describeOutbound(requests)]],
        });
      }
      return checkMessage({
        expected,
        received: 'a matching request without the right trace context',
        blocks: [carryFailure.message()],
      });
    },
  };
}

function matchesUrl(request: OutboundRequest, url: UrlMatcher): boolean {
  if (typeof url === 'function') return url(request);
  if (url instanceof RegExp) return url.test(request.url);
  return request.url === url || request.url.startsWith(`${url}?`);
}

function matchesOptions(request: OutboundRequest, options: SentRequestOptions): boolean {
  if (options.method && request.method.toUpperCase() !== options.method.toUpperCase()) return false;
  return Object.entries(options.headers ?? {}).every(([name, want]) => {
    const value = request.headers[name.toLowerCase()];
    if (value === undefined) return false;
    return typeof want === 'string' ? value === want : want.test(value);
  });
}

function describeMatcher(url: UrlMatcher, options: SentRequestOptions): string {
  const target = typeof url === 'function' ? 'matching the predicate' : url instanceof RegExp ? String(url) : url;
  const parts = [options.method ? `${options.method.toUpperCase()} ${target}` : target];
  if (options.headers) parts.push(`with headers ${Object.keys(options.headers).join(', ')}`);
  if (options.times !== undefined) parts.push(`${options.times} time${options.times === 1 ? '' : 's'}`);
  if (options.carrying) parts.push(`carrying ${options.carrying.format ?? 'w3c'} trace context`);
  return parts.join(', ');
}
