import type { Span } from '../model/Span.ts';
import { TraceSet } from '../model/TraceSet.ts';
import type { TracesLike } from '../model/TracesLike.ts';
import { describeSpan } from '../render/describeSpan.ts';
import { renderTree } from '../render/renderTree.ts';
import { find } from './find.ts';
import { nearestSpans } from './nearestSpans.ts';
import { printSelector } from './printSelector.ts';
import { type SelectorLike, toSelector } from './toSelector.ts';
import { traceList } from './traceList.ts';

/**
 * The one span a selector matches. Throws when none or several match: the error lists the matches, or the spans
 * that came closest, and shows them marked in the trace tree.
 *
 * @example
 * const charge = findOne(traces, 'payments > "POST /charge"');
 * expect(charge).toHaveStatus('ok');
 */
export function findOne(target: TracesLike, selector: SelectorLike): Span {
  const parsed = toSelector(selector);
  const traces = traceList(target, 'findOne');
  const matches = find(new TraceSet(traces), parsed);
  const [only] = matches;
  if (only !== undefined && matches.length === 1) return only;
  const head = `[tracespec] findOne(${JSON.stringify(typeof selector === 'string' ? selector : printSelector(parsed))})`;
  const marks = new Map<Span, string>();
  let body: string[];
  if (matches.length > 1) {
    for (const [i, span] of matches.entries()) marks.set(span, `◀ match ${i + 1}`);
    body = [
      `${head}: expected exactly one span, found ${matches.length}:`,
      ...matches.slice(0, 10).map((span, i) => `  ${i + 1}. ${describeSpan(span)}`),
      ...(matches.length > 10 ? [`  … and ${matches.length - 10} more`] : []),
      'Narrow the selector (a parent: "parent > name", :first, :nth(n), [attribute=value]) or use find() for all of them.',
    ];
  } else {
    const near = nearestSpans(traces, parsed);
    for (const [i, item] of near.entries()) marks.set(item.span, `◀ closest ${i + 1}`);
    const total = traces.reduce((sum, trace) => sum + trace.size, 0);
    body = [
      `${head}: no span matches, among ${total} span${total === 1 ? '' : 's'} in ${traces.length} trace${traces.length === 1 ? '' : 's'}.`,
      ...(near.length > 0
        ? ['Closest spans:', ...near.map((item, i) => `  ${i + 1}. ${describeSpan(item.span)} — ${item.reason}`)]
        : []),
    ];
  }
  const trees = traces.map((trace) => renderTree(trace, { marks }));
  throw new Error([...body, '', ...(trees.length > 0 ? trees : ['No traces were recorded.'])].join('\n'));
}
