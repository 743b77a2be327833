import { failureMarks } from '../../model/FailureMarks.ts';
import type { Span } from '../../model/Span.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import { renderTraces } from '../../render/renderTraces.ts';
import type { CheckResult } from '../CheckResult.ts';
import { checkMessage } from '../checkMessage.ts';

/**
 * Checks that no span has status `error`. The message lists each error span with its status message and
 * exception events, and shows them in the tree.
 *
 * @example
 * hasNoErrors(traceSet);
 */
export function hasNoErrors(set: TraceSet): CheckResult {
  const errors: Span[] = [];
  for (const trace of set) for (const span of trace.spans) if (span.status.code === 'error') errors.push(span);
  const pass = errors.length === 0;
  const marked = () => new Map<Span, string>(errors.map((span, i) => [span, `◀ error ${i + 1}`]));
  return {
    pass,
    marks: () => failureMarks(marked()),
    message: () => {
      const marks = marked();
      const picture = [renderTraces(set, { marks })];
      if (pass) {
        return checkMessage({
          expected: 'at least one span with status error',
          received: 'no span has status error',
          blocks: picture,
        });
      }
      return checkMessage({
        expected: 'no span with status error',
        received: `${errors.length} error span${errors.length === 1 ? '' : 's'}:`,
        details: errors.map(
          (span, i) => `  ${i + 1}. ${span.service} ${span.kind} ${JSON.stringify(span.name)}: ${describeError(span)}`,
        ),
        blocks: picture,
      });
    },
  };
}

function describeError(span: Span): string {
  const exception = span.events.find((event) => event.name === 'exception');
  const type = exception?.attributes['exception.type'];
  const message = exception?.attributes['exception.message'] ?? span.status.message;
  if (type !== undefined) return `${String(type)}: ${String(message ?? '')}`;
  return message === undefined ? '(no message)' : JSON.stringify(message);
}
