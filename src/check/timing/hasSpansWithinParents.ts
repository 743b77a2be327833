import { failureMarks } from '../../model/FailureMarks.ts';
import type { Span } from '../../model/Span.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import { describeSpan } from '../../render/describeSpan.ts';
import type { CheckResult } from '../CheckResult.ts';
import { checkMessage } from '../checkMessage.ts';
import type { SkewOptions } from './clockSkew.ts';
import { describeStickOut, type StickOut, stickOut } from './stickOut.ts';
import { timeline } from './timeline.ts';

/**
 * Options of {@link hasSpansWithinParents}.
 *
 * @example
 * expect(traces).toHaveSpansWithinParents({ tolerance: '20ms', ignoreClockSkew: true });
 */
export interface WithinParentsOptions extends SkewOptions {
  /** Pass when every span that sticks out looks like clock skew. Default false: report them as failures too. */
  readonly ignoreClockSkew?: boolean;
}

/**
 * Checks every span of every trace against its parent's time range and reports each one that sticks out,
 * separated into likely clock skew (another process, would fit once shifted) and likely bugs (same clock, or
 * longer than the parent).
 *
 * @example
 * hasSpansWithinParents(traceSet, { tolerance: '10ms' });
 */
export function hasSpansWithinParents(set: TraceSet, options: WithinParentsOptions = {}): CheckResult {
  const problems: StickOut[] = [];
  let checked = 0;
  for (const trace of set) {
    for (const span of trace.spans) {
      const parent = trace.parent(span);
      if (parent === undefined) continue;
      checked++;
      const problem = stickOut(span, parent, options, 'toHaveSpansWithinParents()');
      if (problem) problems.push(problem);
    }
  }
  const bugs = problems.filter((problem) => problem.cause === 'bug');
  const skew = problems.filter((problem) => problem.cause === 'clock-skew');
  const pass = options.ignoreClockSkew ? bugs.length === 0 : problems.length === 0;
  const marked = () => {
    const marks = new Map<Span, string>();
    for (const [i, problem] of [...bugs, ...skew].entries()) {
      marks.set(problem.span, `◀ ${i + 1} ${problem.cause === 'bug' ? 'sticks out' : 'clock skew?'}`);
    }
    return marks;
  };
  return {
    pass,
    marks: () => failureMarks(marked()),
    message: () => {
      const section = (title: string, list: readonly StickOut[], offset: number) =>
        list.length === 0
          ? undefined
          : [
              title,
              ...list.flatMap((problem, i) => [
                `  ${offset + i + 1}. ${describeSpan(problem.span)}`,
                `     ${describeStickOut(problem)}`,
              ]),
            ];
      const marks = marked();
      const involved = problems.flatMap((problem) => [problem.parent, problem.span]);
      return checkMessage({
        expected: `${pass ? 'some' : 'every'} child span ${pass ? 'to stick out of' : 'to lie within'} its parent's time range${options.ignoreClockSkew ? ' (clock skew ignored)' : ''}`,
        received:
          problems.length === 0
            ? `all ${checked} child spans do`
            : `${problems.length} of ${checked} child spans stick out`,
        blocks: [
          section('Likely bugs:', bugs, 0),
          section('Likely clock skew:', skew, bugs.length),
          problems.length === 0 ? undefined : timeline(involved, marks, set),
        ],
      });
    },
  };
}
