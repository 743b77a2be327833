import { failureMarks } from '../../model/FailureMarks.ts';
import type { Span } from '../../model/Span.ts';
import type { Trace } from '../../model/Trace.ts';
import { describeSpan } from '../../render/describeSpan.ts';
import type { CheckResult } from '../CheckResult.ts';
import { checkMessage } from '../checkMessage.ts';
import { traceNeeded } from '../expectation/traceNeeded.ts';
import type { SkewOptions } from './clockSkew.ts';
import { describeStickOut, stickOut } from './stickOut.ts';
import { timeline } from './timeline.ts';

/**
 * Checks that a span lies within its parent's time range. Spans from another process (another service,
 * instance, container or host) may stick out by the clock-skew tolerance (default 5ms); spans of the same
 * process by the clock's resolution (default 1ms). The message says by how much the span sticks out and whether
 * that looks like clock skew or a real bug, with the waterfall of both.
 *
 * @example
 * isWithinParent(serverSpan, { tolerance: '10ms' }, trace);
 */
export function isWithinParent(span: Span, options: SkewOptions = {}, trace?: Trace): CheckResult {
  if (trace === undefined && span.parentSpanId !== undefined) {
    throw traceNeeded('toBeWithinParent()', span, 'its parent');
  }
  const parent = trace?.parent(span);
  if (parent === undefined) {
    throw new Error(
      `[tracespec] toBeWithinParent(): ${describeSpan(span)} has no parent in its trace (${span.parentSpanId === undefined ? 'it is a root' : `parent ${span.parentSpanId} was not received`}).`,
    );
  }
  const problem = stickOut(span, parent, options, 'toBeWithinParent()');
  const pass = problem === undefined;
  const marked = () =>
    new Map<Span, string>([
      [span, '◀ this span'],
      [parent, '◀ parent'],
    ]);
  return {
    pass,
    marks: () => failureMarks(marked()),
    message: () => {
      const marks = marked();
      return checkMessage({
        expected: [describeSpan(span), `  ${pass ? 'not ' : ''}to lie within its parent ${describeSpan(parent)}`],
        received: problem ? `it ${describeStickOut(problem)}` : 'it does',
        blocks: [timeline([parent, span], marks, trace)],
      });
    },
  };
}
