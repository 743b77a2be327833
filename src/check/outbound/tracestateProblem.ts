import { formatTracestate } from '../../propagation/formatTracestate.ts';
import type { OutboundRequest } from './OutboundRequest.ts';
import type { TraceContextExpectation } from './TraceContextExpectation.ts';

/**
 * Why the request's `tracestate` does not meet the expectation (exact value, or members), or undefined.
 *
 * @example
 * tracestateProblem(request, { tracestate: { congo: 't61rcWkgMzE' } }); // undefined when the member is there
 */
export function tracestateProblem(request: OutboundRequest, expectation: TraceContextExpectation): string | undefined {
  const expected = expectation.tracestate;
  if (expected === undefined) return undefined;
  const header = request.context.tracestate;
  if (!header) return 'no tracestate header';
  if (!header.valid) return `tracestate is malformed: ${header.reason}`;
  if (typeof expected === 'string') {
    const actual = formatTracestate(header.value);
    return actual === expected ? undefined : `tracestate is "${actual}", expected "${expected}"`;
  }
  for (const [key, value] of Object.entries(expected)) {
    const member = header.value.find((m) => m.key === key);
    if (!member) return `tracestate has no member "${key}"`;
    if (member.value !== value) return `tracestate member "${key}" is "${member.value}", expected "${value}"`;
  }
  return undefined;
}
