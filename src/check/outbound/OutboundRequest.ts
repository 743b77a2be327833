import type { CarriedContext } from '../../propagation/CarriedContext.ts';
import type { SpanIds } from './SpanIds.ts';

/**
 * One request the code under test sent, as msw saw it (after the instrumentation injected its headers).
 *
 * @example
 * const [request] = outbound.requests;
 * console.log(request.method, request.url, request.headers.traceparent);
 */
export interface OutboundRequest {
  /** msw's request id. */
  readonly id: string;
  readonly method: string;
  readonly url: string;
  /** `host[:port]` of the URL. */
  readonly host: string;
  /** Every header, names in lower case; a repeated header is joined by ", ". */
  readonly headers: Readonly<Record<string, string>>;
  /** Every propagation header, parsed. */
  readonly context: CarriedContext;
  /**
   * The span current when the request left: the CLIENT span for `node:http`, the caller's span for `fetch`
   * (undici's CLIENT span is never made current). Absent when no span was current.
   */
  readonly currentSpan?: SpanIds;
  /** The test (tracespec scope) whose code sent the request, when tracespec's test scoping is active. */
  readonly scope?: string;
  /** `Date.now()` when msw received the request. */
  readonly sentAt: number;
}
