import type { TraceSet } from '../model/TraceSet.ts';
import { renderTraces } from './renderTraces.ts';

/**
 * Every span of every trace with all its attributes and durations, nothing left out: the text a person reads in
 * a failed test's artifacts or from `tracespec show`.
 *
 * @example
 * await writeFile('checkout.tree.txt', renderTraceReport(traces.traceSet()));
 */
export function renderTraceReport(set: TraceSet): string {
  const keys = new Set<string>();
  for (const span of set.spans) for (const key of Object.keys(span.attributes)) keys.add(key);
  return renderTraces(set, { attributes: [...keys].sort(), maxLines: Number.POSITIVE_INFINITY });
}
