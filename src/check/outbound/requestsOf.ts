import type { OutboundRequest } from './OutboundRequest.ts';

/**
 * What the outbound matchers accept: the recorder, or a list of its requests.
 *
 * @example
 * const subjects: OutboundSubject[] = [outbound, outbound.requests.slice(-2)];
 */
export type OutboundSubject = { readonly requests: readonly OutboundRequest[] } | readonly OutboundRequest[];

/**
 * The requests of an {@link OutboundSubject}: the recorder's, or the list as it is; throws a `[tracespec]` error
 * naming the matcher for anything else. (The matchers hand the checks only the running test's requests.)
 *
 * @example
 * requestsOf(recordOutbound(server), 'toHaveSentRequest'); // []
 */
export function requestsOf(subject: unknown, matcher: string): readonly OutboundRequest[] {
  if (Array.isArray(subject)) return subject as readonly OutboundRequest[];
  if (typeof subject === 'object' && subject !== null && 'requests' in subject && Array.isArray(subject.requests)) {
    return subject.requests as readonly OutboundRequest[];
  }
  throw new TypeError(
    `[tracespec] ${matcher} expects the recorder returned by recordOutbound(server) or its requests, got ${typeName(subject)}`,
  );
}

/**
 * Checks that a single-request matcher got an {@link OutboundRequest}; throws a `[tracespec]` error otherwise.
 *
 * @example
 * assertRequest(outbound.last, 'toCarryTraceContext');
 */
export function assertRequest(subject: unknown, matcher: string): asserts subject is OutboundRequest {
  if (
    typeof subject === 'object' &&
    subject !== null &&
    'headers' in subject &&
    'context' in subject &&
    'url' in subject
  ) {
    return;
  }
  throw new TypeError(
    `[tracespec] ${matcher} expects one recorded request (for example outbound.last or outbound.requests[0]), got ${typeName(subject)}`,
  );
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return value.constructor?.name ?? 'object';
  return typeof value;
}
