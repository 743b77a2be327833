import type { TraceSet } from '../model/TraceSet.ts';
import { type RenderTreeOptions, renderTree } from './renderTree.ts';

/**
 * Every trace of a set as trees, or a line saying there are none.
 *
 * @example
 * console.log(renderTraces(traces.traceSet()));
 */
export function renderTraces(set: TraceSet, options: RenderTreeOptions = {}): string {
  if (set.size === 0) {
    return 'No traces were recorded. Is tracing set up (setupTracing / the tracespec fixture), and did the code under test run?';
  }
  return set.traces.map((trace) => renderTree(trace, options)).join('\n\n');
}
