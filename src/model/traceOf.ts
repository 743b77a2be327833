import type { Span } from './Span.ts';
import { Trace } from './Trace.ts';
import type { TraceSet } from './TraceSet.ts';

/**
 * The trace of `scope` that holds this span (by identity), or undefined: how a check that was handed the span's
 * trace, or the set of traces it belongs to, finds its tree.
 *
 * @example
 * traceOf(traceSet, span)?.parent(span);
 */
export function traceOf(scope: Trace | TraceSet | undefined, span: Span): Trace | undefined {
  if (scope === undefined) return undefined;
  if (Trace.is(scope)) return scope.has(span) ? scope : undefined;
  return scope.traceOf(span);
}
