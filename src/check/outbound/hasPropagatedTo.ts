import { propagationHeaderKind } from '../../propagation/propagationHeaderKind.ts';
import type { CheckResult } from '../CheckResult.ts';
import { describeOutbound } from './describeOutbound.ts';
import type { OutboundRequest } from './OutboundRequest.ts';
import type { PropagateToOptions } from './PropagateToOptions.ts';
import { requestsOf } from './requestsOf.ts';

/**
 * Passes when some recorded request to a matching host (`host[:port]`: exact string, or pattern) carried
 * trace-context or baggage headers. Meant for `.not`: a team that must not leak context to third parties writes
 * `expect(outbound).not.toPropagateTo(/\.partner\.com$/)`, and the message lists each leaking request and header.
 *
 * @example
 * checkPropagatesTo(outbound, 'api.partner.com').pass; // true when a traceparent went to api.partner.com
 */
export function checkPropagatesTo(
  subject: unknown,
  host: string | RegExp,
  options: PropagateToOptions = {},
): CheckResult {
  const requests = requestsOf(subject, 'toPropagateTo');
  if (typeof host !== 'string' && !(host instanceof RegExp)) {
    throw new TypeError('[tracespec] toPropagateTo expects a host ("api.partner.com") or a pattern (/partner\\.com$/)');
  }
  const toHost = requests.filter((request) => matchesHost(request, host));
  const leaks = toHost
    .map((request) => ({ request, headers: leakedHeaders(request, options) }))
    .filter((leak) => leak.headers.length > 0);
  const what = options.only ?? 'trace context or baggage';
  // No actual/expected: the message lists each leaking request and header, a diff would repeat it.
  return {
    pass: leaks.length > 0,
    message: () =>
      [
        `Expected: ${leaks.length > 0 ? 'no ' : ''}${what} sent to ${host}`,
        leaks.length > 0
          ? `Received: ${leaks.length} request${leaks.length === 1 ? '' : 's'} to ${host} carried it:`
          : `Received: ${toHost.length} request${toHost.length === 1 ? '' : 's'} to ${host}, none carried it`,
        ...leaks.flatMap(({ request, headers }) => [
          `  ${request.method} ${request.url}`,
          ...headers.map((name) => `    ${name}: ${request.headers[name]}`),
        ]),
        '',
        'Requests sent:',
        describeOutbound(requests),
      ].join('\n'),
  };
}

function matchesHost(request: OutboundRequest, host: string | RegExp): boolean {
  const hostname = new URL(request.url).hostname;
  if (typeof host === 'string') return request.host === host || hostname === host;
  return host.test(request.host) || host.test(hostname);
}

function leakedHeaders(request: OutboundRequest, options: PropagateToOptions): string[] {
  return Object.keys(request.headers)
    .filter((name) => {
      const kind = propagationHeaderKind(name);
      return kind !== undefined && (options.only === undefined || options.only === kind);
    })
    .sort();
}
