import type { Span } from '../../model/Span.ts';
import type { PropagationFormat } from '../../propagation/PropagationFormat.ts';

/**
 * What `toCarryTraceContext` checks on a request. Every field is optional.
 *
 * @example
 * const expected: TraceContextExpectation = { format: 'b3', sampled: true, traceId: trace.traceId };
 */
export interface TraceContextExpectation {
  /** The header format the callee understands; `w3c` by default. */
  readonly format?: PropagationFormat;
  /** The sampling decision the header must carry. */
  readonly sampled?: boolean;
  /** W3C only: the exact `tracestate` value, or members it must contain. */
  readonly tracestate?: string | Readonly<Record<string, string>>;
  /**
   * The test's trace id. By default: the trace of the span current when the request left, when that span belongs
   * to `spans`; else the trace of the earliest root span of `spans`; without `spans`, the current span's trace.
   */
  readonly traceId?: string;
  /** The exact parent span id; by default the CLIENT span that sent the request, found in `spans`. */
  readonly parentSpanId?: string;
  /** The recorded spans, to find the CLIENT span that sent the request and name the span the header points at. */
  readonly spans?: Iterable<Span>;
}
