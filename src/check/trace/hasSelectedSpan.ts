import { failureMarks } from '../../model/FailureMarks.ts';
import type { Span } from '../../model/Span.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import { find } from '../../query/find.ts';
import { nearestSpans } from '../../query/nearestSpans.ts';
import { parseSelector } from '../../query/parseSelector.ts';
import { describeSpan } from '../../render/describeSpan.ts';
import { renderTraces } from '../../render/renderTraces.ts';
import type { CheckResult } from '../CheckResult.ts';
import { checkMessage } from '../checkMessage.ts';
import {
  type CountOptions,
  countSatisfies,
  describeCount,
  isDefaultCount,
  validateCountOptions,
} from '../expectation/countExpectation.ts';

/**
 * Checks that the traces hold a span matching a selector (by default at least one; see {@link CountOptions}).
 * A failure shows the tree with the matches marked, or the spans that came closest and what they lacked.
 *
 * @example
 * const result = hasSelectedSpan(traceSet, 'checkout > [db.system=postgresql]', { times: 1 });
 * if (!result.pass) console.log(result.message());
 */
export function hasSelectedSpan(set: TraceSet, selector: string, options: CountOptions = {}): CheckResult {
  validateCountOptions(options, 'toHaveSpan');
  const parsed = parseSelector(selector);
  const matches = find(set, parsed);
  const pass = countSatisfies(matches.length, options);
  let near: ReturnType<typeof nearestSpans> | undefined;
  // The nearest spans cost a search of their own: found once, when the message or the marks first need them.
  const nearest = () => {
    near ??= matches.length === 0 ? nearestSpans(set.traces, parsed) : [];
    return near;
  };
  return {
    pass,
    message: () => describe(set, selector, options, matches, nearest(), pass),
    marks: () => failureMarks(markedSpans(matches, nearest())),
  };
}

function markedSpans(matches: readonly Span[], near: ReturnType<typeof nearestSpans>): Map<Span, string> {
  const marks = new Map<Span, string>();
  for (const [i, span] of matches.entries()) marks.set(span, `◀ match ${i + 1}`);
  for (const [i, item] of near.entries()) marks.set(item.span, `◀ closest ${i + 1}`);
  return marks;
}

function describe(
  set: TraceSet,
  selector: string,
  options: CountOptions,
  matches: readonly Span[],
  near: ReturnType<typeof nearestSpans>,
  pass: boolean,
): string {
  const count = isDefaultCount(options)
    ? 'a span'
    : `${describeCount(options)} span${options.times === 1 || (options.atMost === 1 && !options.atLeast) ? '' : 's'}`;
  const total = set.traces.reduce((sum, trace) => sum + trace.size, 0);
  const marks = markedSpans(matches, near);
  return checkMessage({
    expected: `${pass ? 'not ' : ''}${count} matching selector ${JSON.stringify(selector)}`,
    received:
      matches.length === 0
        ? `no matching span among ${total} span${total === 1 ? '' : 's'} in ${set.size} trace${set.size === 1 ? '' : 's'}`
        : `${matches.length} matching span${matches.length === 1 ? '' : 's'}`,
    blocks: [
      near.length > 0
        ? ['Closest spans:', ...near.map((item, i) => `  ${i + 1}. ${describeSpan(item.span)} — ${item.reason}`)]
        : undefined,
      renderTraces(set, { marks }),
    ],
  });
}
