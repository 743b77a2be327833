import { failureMarks } from '../../model/FailureMarks.ts';
import type { Span } from '../../model/Span.ts';
import type { Trace } from '../../model/Trace.ts';
import { describeSpan } from '../../render/describeSpan.ts';
import type { CheckResult } from '../CheckResult.ts';
import { checkMessage } from '../checkMessage.ts';
import { describeExpected, describeValue } from '../expectation/asymmetric.ts';
import { compareSpan, type FieldComparison } from '../expectation/compareSpan.ts';
import { projectFields } from '../expectation/projectFields.ts';
import type { SpanExpectation } from '../expectation/SpanExpectation.ts';
import { spanInTree } from './spanInTree.ts';

/**
 * The span checks' common form: compares some fields of one span, names each that differs, shows the span in its
 * trace's tree (when the trace is given), and hands the runner the fields to diff.
 *
 * @example
 * fieldCheck(span, { status: 'error' }, 'status "error"', trace);
 */
export function fieldCheck(
  span: Span,
  expected: SpanExpectation,
  what: string,
  trace: Trace | undefined,
  attributes: readonly string[] = [],
): CheckResult {
  const fields = compareSpan(expected, span, trace);
  const pass = fields.every((field) => field.ok);
  return {
    pass,
    message: () =>
      checkMessage({
        expected: `${pass ? 'not ' : ''}${what}`,
        details: [`Span: ${describeSpan(span)}`],
        blocks: [
          pass ? undefined : fields.filter((field) => !field.ok).map((field) => describeField(field)),
          spanInTree(span, trace, attributes),
        ],
      }),
    actual: projectFields(fields, 'actual'),
    expected: projectFields(fields, 'expected'),
    marks: () => failureMarks(new Map([[span, 'this span']])),
  };
}

function describeField(field: FieldComparison): string {
  return `  ${field.path}: expected ${describeExpected(field.expected)}, received ${describeValue(field.actual)}`;
}
