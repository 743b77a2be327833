import { failureMarks } from '../../model/FailureMarks.ts';
import type { Span } from '../../model/Span.ts';
import type { Trace } from '../../model/Trace.ts';
import { describeSpan } from '../../render/describeSpan.ts';
import type { CheckResult } from '../CheckResult.ts';
import { checkMessage } from '../checkMessage.ts';
import { spanInTree } from './spanInTree.ts';

/**
 * Checks that a span is a root (has no parent id). With the span's trace, the message names the parent and shows
 * the tree.
 *
 * @example
 * isRoot(trace.spans[0], trace);
 */
export function isRoot(span: Span, trace?: Trace): CheckResult {
  const pass = span.parentSpanId === undefined;
  const parent = span.parentSpanId && trace ? trace.get(span.parentSpanId) : undefined;
  const received = pass
    ? 'the span has no parent'
    : parent
      ? `its parent is ${describeSpan(parent)}`
      : trace
        ? `its parent id is ${span.parentSpanId}, which is not in the trace (an orphan)`
        : `its parent id is ${span.parentSpanId}`;
  return {
    pass,
    message: () =>
      checkMessage({
        expected: `${pass ? 'not ' : ''}a root span: ${describeSpan(span)}`,
        received,
        blocks: [spanInTree(span, trace)],
      }),
    marks: () => failureMarks(new Map([[span, 'this span']])),
  };
}
