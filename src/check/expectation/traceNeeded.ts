import type { Span } from '../../model/Span.ts';
import { describeSpan } from '../../render/describeSpan.ts';

/**
 * The error of a check that must read a span's tree (its parent, a selector, a partial span to compare in time)
 * but was not given the trace the span belongs to.
 *
 * @example
 * if (trace === undefined) throw traceNeeded('toHaveParent()', span, 'its parent');
 */
export function traceNeeded(check: string, span: Span, what: string): TypeError {
  return new TypeError(
    `[tracespec] ${check}: ${describeSpan(span)} is in none of the traces given, so ${what} cannot be looked up. ` +
      'Give the check the trace the span belongs to (the last argument of the check function), or in a test ' +
      'expect(inTrace(span, trace)) for a span that is not one of the spans the test recorded.',
  );
}
