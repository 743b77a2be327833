import { propagationHeaderKind } from '../../propagation/propagationHeaderKind.ts';
import type { CheckResult } from '../CheckResult.ts';
import { checkMessage } from '../checkMessage.ts';
import { describeOutbound } from './describeOutbound.ts';
import type { OutboundRequest } from './OutboundRequest.ts';
import type { PropagateToOptions } from './PropagateToOptions.ts';
import { requestsOf } from './requestsOf.ts';

/**
 * Passes when some recorded request to a matching host (`host[:port]`: exact string, or pattern) carried
 * trace-context or baggage headers. Meant for `.not`: a team that must not leak context to third parties writes
 * `expect(outbound).not.toPropagateTo(/\.partner\.com$/)`, and the message lists each leaking request and header.
 * `subject` is the recorder (all its requests count) or a list of requests.
 *
 * @example
 * hasPropagatedTo(outbound, 'api.partner.com').pass; // true when a traceparent went to api.partner.com
 */
export function hasPropagatedTo(
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
      checkMessage({
        expected: `${leaks.length > 0 ? 'no ' : ''}${what} sent to ${host}`,
        received:
          leaks.length > 0
            ? `${leaks.length} request${leaks.length === 1 ? '' : 's'} to ${host} carried it:`
            : `${toHost.length} request${toHost.length === 1 ? '' : 's'} to ${host}, none carried it`,
        details: leaks.flatMap(({ request, headers }) => [
          `  ${request.method} ${request.url}`,
          ...headers.map((name) => `    ${name}: ${request.headers[name]}`),
        ]),
        blocks: [['Requests sent:', describeOutbound(requests)]],
      }),
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
