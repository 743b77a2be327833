import { Trace } from '../model/Trace.ts';
import { TraceSet } from '../model/TraceSet.ts';
import { isTracesLike, type TracesLike } from '../model/TracesLike.ts';

/**
 * The traces a query runs over, from a trace, a set or the test's live traces; a clear error for anything else.
 *
 * @example
 * traceList(traces, 'find'); // Trace[]
 */
export function traceList(target: TracesLike, caller: 'find' | 'findOne'): readonly Trace[] {
  if (Trace.is(target)) return [target];
  if (TraceSet.is(target)) return target.traces;
  if (isTracesLike(target)) return target.traceSet().traces;
  const got = target === null ? 'null' : Array.isArray(target) ? 'an array' : typeof target;
  throw new TypeError(
    `[tracespec] ${caller}() expects a Trace, a TraceSet or the test's traces (the \`traces\` fixture) first, but received ${got}. ` +
      `Call it as ${caller}(traces, selector).`,
  );
}
