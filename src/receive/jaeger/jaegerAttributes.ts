/**
 * The attribute that keeps a 64-bit Jaeger trace id (`traceIdHigh` = 0) visible after it was padded to 128 bits.
 *
 * @example
 * trace.root?.attributes[JAEGER_TRACE_ID_ATTRIBUTE]; // '463ac35c9f6413ad'
 */
export const JAEGER_TRACE_ID_ATTRIBUTE = 'jaeger.trace_id';

/** Bit 1 of a Jaeger span's `flags`, as a boolean attribute. */
export const JAEGER_SAMPLED_ATTRIBUTE = 'jaeger.sampled';

/** Bit 2 of a Jaeger span's `flags` (a debug trace, sampled whatever the sampler said), as a boolean attribute. */
export const JAEGER_DEBUG_ATTRIBUTE = 'jaeger.debug';

/** The OpenTelemetry attribute a link gets from a Jaeger/OpenTracing reference: `child_of` or `follows_from`. */
export const REF_TYPE_ATTRIBUTE = 'opentracing.ref_type';
