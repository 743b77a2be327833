/**
 * A parsed W3C `traceparent` header.
 *
 * @example
 * const parent: TraceParent = {
 *   version: '00',
 *   traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
 *   parentId: '00f067aa0ba902b7',
 *   traceFlags: 1,
 *   sampled: true,
 * };
 */
export interface TraceParent {
  /** Two lower-case hex characters; `00` today, never `ff`. */
  readonly version: string;
  /** 32 lower-case hex characters, not all zeros. */
  readonly traceId: string;
  /** The span id of the caller (the CLIENT span): 16 lower-case hex characters, not all zeros. */
  readonly parentId: string;
  /** The trace-flags byte (0-255). */
  readonly traceFlags: number;
  /** Bit 0 of the trace flags. */
  readonly sampled: boolean;
}
