import { propagationHeaderKind } from '../../propagation/propagationHeaderKind.ts';
import type { OutboundRequest } from './OutboundRequest.ts';

/**
 * One line per recorded request, with the propagation headers it carried, for the outbound matchers' messages.
 *
 * @example
 * describeOutbound(outbound.requests);
 * // '  GET http://api.example.test/users  [traceparent, baggage]'
 */
export function describeOutbound(requests: readonly OutboundRequest[]): string {
  if (requests.length === 0) return '  (no request was recorded)';
  return requests
    .map((request) => {
      const carried = Object.keys(request.headers).filter((name) => propagationHeaderKind(name));
      const suffix = carried.length === 0 ? '  [no propagation header]' : `  [${carried.sort().join(', ')}]`;
      return `  ${request.method} ${request.url}${suffix}`;
    })
    .join('\n');
}
