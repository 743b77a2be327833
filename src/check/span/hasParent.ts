import type { Span } from '../../model/Span.ts';
import type { Trace } from '../../model/Trace.ts';
import type { CheckResult } from '../CheckResult.ts';
import type { SpanExpectation } from '../expectation/SpanExpectation.ts';
import { fieldCheck } from './fieldCheck.ts';

/**
 * Checks a span's parent: a partial span or a selector the parent must match (looked up in `trace`, the span's
 * trace, which is then required), or the parent span itself.
 *
 * @example
 * hasParent(serverSpan, { kind: 'client', service: 'gateway' }, trace);
 * hasParent(serverSpan, '[service=gateway][kind=client]', trace);
 * hasParent(serverSpan, clientSpan);
 */
export function hasParent(span: Span, parent: SpanExpectation | Span | string, trace?: Trace): CheckResult {
  return fieldCheck(span, { parent }, 'parent', trace);
}
