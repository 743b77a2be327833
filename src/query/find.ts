import type { Span } from '../model/Span.ts';
import type { Trace } from '../model/Trace.ts';
import type { TracesLike } from '../model/TracesLike.ts';
import { evaluateSelector } from './evaluateSelector.ts';
import { type SelectorLike, toSelector } from './toSelector.ts';
import { traceList } from './traceList.ts';

/**
 * Every span a selector matches, trace by trace, each trace in tree order.
 *
 * @example
 * const queries = find(traces, 'checkout > [db.system=postgresql]');
 * const slow = find(trace, '[duration>200ms]:not(:root)');
 */
export function find(target: TracesLike, selector: SelectorLike): Span[] {
  const parsed = toSelector(selector);
  const traces = traceList(target, 'find');
  const result: Span[] = [];
  for (const trace of traces) {
    const flags = evaluateSelector(trace, parsed);
    const spans = trace.spans;
    for (let i = 0; i < spans.length; i++) if (flags[i] === 1) result.push(spans[i] as Span);
  }
  return result;
}

/**
 * True when the span matches the selector within its trace: combinators and pseudo-classes (`a > b`, `:root`)
 * are read in that trace's tree. False for a span that is not in the trace.
 *
 * @example
 * matchesSelector(span, 'checkout > *:leaf', trace); // true or false
 */
export function matchesSelector(span: Span, selector: SelectorLike, trace: Trace): boolean {
  const at = trace.indexOf(span);
  return at !== -1 && evaluateSelector(trace, toSelector(selector))[at] === 1;
}
