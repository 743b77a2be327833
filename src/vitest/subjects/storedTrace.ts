import { installedTracing } from '../../capture/tracingSlot.ts';
import type { Span } from '../../model/Span.ts';
import type { Trace } from '../../model/Trace.ts';

/**
 * The trace of a recorded span, as the test's store holds it now (the store of the tracing installed in this
 * worker, where the recorder and the collectors write). Undefined for a span the store does not hold.
 *
 * @example
 * storedTrace(traces.findOne('SELECT'))?.parent(span);
 */
export function storedTrace(span: Span): Trace | undefined {
  const trace = installedTracing()?.store.trace(span.traceId);
  return trace?.has(span) ? trace : undefined;
}
