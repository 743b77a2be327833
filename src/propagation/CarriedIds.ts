import type { PropagationFormat } from './PropagationFormat.ts';

/**
 * The ids a trace-context header carries, the same shape whatever the format.
 *
 * @example
 * const ids: CarriedIds = { format: 'b3', traceId: '4bf9…', parentSpanId: '00f0…', sampled: true };
 */
export interface CarriedIds {
  readonly format: PropagationFormat;
  /** 32 lower-case hex characters. */
  readonly traceId: string;
  /** The caller's span id: W3C parent-id, B3 span id, Jaeger span-id. */
  readonly parentSpanId: string;
  /** Undefined when the header leaves the decision to the callee (B3 without sampling state). */
  readonly sampled?: boolean;
}
