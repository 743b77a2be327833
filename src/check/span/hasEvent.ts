import type { Span } from '../../model/Span.ts';
import type { Trace } from '../../model/Trace.ts';
import type { CheckResult } from '../CheckResult.ts';
import { describeExpected, describeValue } from '../expectation/asymmetric.ts';
import type { EventExpectation } from '../expectation/SpanExpectation.ts';
import { fieldCheck } from './fieldCheck.ts';

/**
 * Checks that a span recorded an event: by name, or a partial `{ name, attributes }`. The message lists the
 * span's events.
 *
 * @example
 * hasEvent(span, { name: 'exception', attributes: { 'exception.type': 'TypeError' } });
 */
export function hasEvent(span: Span, event: EventExpectation, trace?: Trace): CheckResult {
  const result = fieldCheck(span, { events: [event] }, `event ${describeExpected(event)}`, trace);
  const events = span.events.map((item) => `    ${item.name} ${describeValue(item.attributes)}`);
  const list = events.length > 0 ? `\n\nEvents of the span:\n${events.join('\n')}` : '\n\nThe span has no events.';
  return { ...result, message: () => result.message() + list };
}
