import { Trace } from './Trace.ts';
import { TraceSet } from './TraceSet.ts';

/**
 * Anything that can hand out its current traces, such as a test's live `traces` fixture or a collector.
 *
 * @example
 * const source: TraceSource = { traceSet: () => store.traceSet() };
 */
export interface TraceSource {
  traceSet(): TraceSet;
}

/**
 * What queries and trace checks accept: a trace, a set of traces, or a live source of traces.
 *
 * @example
 * const targets: TracesLike[] = [trace, traceSet, traces];
 */
export type TracesLike = Trace | TraceSet | TraceSource;

/** True for a value queries and trace checks accept. */
export function isTracesLike(value: unknown): value is TracesLike {
  return Trace.is(value) || TraceSet.is(value) || isTraceSource(value);
}

/** The traces of a {@link TracesLike} as a set (a live source is read now). */
export function traceSetOf(traces: TracesLike): TraceSet {
  if (TraceSet.is(traces)) return traces;
  if (Trace.is(traces)) return new TraceSet([traces]);
  return traces.traceSet();
}

function isTraceSource(value: unknown): value is TraceSource {
  return typeof value === 'object' && value !== null && typeof (value as TraceSource).traceSet === 'function';
}
