import type { Span } from '../../model/Span.ts';
import type { Trace } from '../../model/Trace.ts';
import type { CheckResult } from '../CheckResult.ts';
import { describeExpected } from '../expectation/asymmetric.ts';
import type { StatusExpectation } from '../expectation/SpanExpectation.ts';
import { fieldCheck } from './fieldCheck.ts';

/**
 * Checks a span's status: a code (`'error'`), or a partial `{ code, message }`. With the span's trace, the message
 * shows the span in its tree.
 *
 * @example
 * hasStatus(span, { code: 'error', message: /timeout/ });
 */
export function hasStatus(span: Span, status: StatusExpectation, trace?: Trace): CheckResult {
  return fieldCheck(span, { status }, `status ${describeExpected(status)}`, trace);
}
