import type { Span } from '../../model/Span.ts';
import type { Trace } from '../../model/Trace.ts';
import type { CheckResult } from '../CheckResult.ts';
import { describeValue } from '../expectation/asymmetric.ts';
import type { AttributeMatcher } from '../expectation/SpanExpectation.ts';
import { fieldCheck } from './fieldCheck.ts';

/**
 * Checks a span's attributes as a subset: every listed key must be present with a matching value. With the span's
 * trace, the message shows the span in its tree.
 *
 * @example
 * hasAttributes(span, { 'http.request.method': 'GET', 'server.port': expect.any(Number) }, trace);
 */
export function hasAttributes(
  span: Span,
  attributes: Readonly<Record<string, AttributeMatcher | undefined>>,
  trace?: Trace,
): CheckResult {
  return fieldCheck(span, { attributes }, describeValue(attributes), trace, Object.keys(attributes));
}
