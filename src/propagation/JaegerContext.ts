/**
 * A parsed Jaeger `uber-trace-id` header, ids normalized to the W3C lengths (left-padded, lower-case).
 *
 * @example
 * const context: JaegerContext = {
 *   traceId: '00000000000000004bf92f3577b34da6',
 *   spanId: '00f067aa0ba902b7',
 *   flags: 1,
 *   sampled: true,
 *   debug: false,
 * };
 */
export interface JaegerContext {
  /** 32 lower-case hex characters. */
  readonly traceId: string;
  /** 16 lower-case hex characters. */
  readonly spanId: string;
  /** Deprecated by Jaeger; absent when sent as `0`. */
  readonly parentSpanId?: string;
  /** The flags byte: bit 1 sampled, bit 2 debug. */
  readonly flags: number;
  readonly sampled: boolean;
  readonly debug: boolean;
}
