import type { Span } from '../../model/Span.ts';
import { Trace } from '../../model/Trace.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import { traceOf } from '../../model/traceOf.ts';
import { renderWaterfall } from '../../render/renderWaterfall.ts';

/**
 * The waterfall of the spans a timing check looked at, one per trace of `scope` they belong to, with marks. The
 * part of every timing failure message that shows the timeline disproving the expectation.
 *
 * @example
 * const text = timeline([a, b], new Map([[b, '◀ starts before a ends']]), trace);
 */
export function timeline(
  spans: readonly Span[],
  marks: ReadonlyMap<Span, string> = new Map(),
  scope?: Trace | TraceSet,
): string {
  const traces: Trace[] = [];
  const loose: Span[] = [];
  for (const span of [...marks.keys(), ...spans]) {
    const trace = traceOf(scope, span);
    if (trace === undefined) loose.push(span);
    else if (!traces.includes(trace)) traces.push(trace);
  }
  // Spans of no trace given (made by hand, or from elsewhere) are drawn as traces of their own.
  if (loose.length > 0) traces.push(...Trace.build(new Set(loose)));
  return traces.map((trace) => renderWaterfall(trace, { spans, marks })).join('\n\n');
}
