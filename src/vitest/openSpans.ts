import type { SpanRecorder } from '../capture/SpanRecorder.ts';
import { describeSpan } from '../render/describeSpan.ts';

/**
 * What to do about spans a test started and never ended: warn (default), fail the test, or ignore them.
 *
 * @example
 * setupTracing({ openSpans: 'fail' satisfies OpenSpansPolicy });
 */
export type OpenSpansPolicy = 'warn' | 'fail' | 'ignore';

/**
 * Reports the spans of a test that are still open when it ends; returns the message (or undefined when none).
 * With `fail` it throws, so that vitest fails the test with the message.
 */
export function reportOpenSpans(
  recorder: SpanRecorder,
  scope: string,
  testName: string,
  policy: OpenSpansPolicy,
): string | undefined {
  if (policy === 'ignore') return undefined;
  const open = recorder.openSpans({ scope });
  if (open.length === 0) return undefined;
  recorder.forgetOpenSpans({ scope });
  const message =
    `[tracespec] ${open.length} span${open.length === 1 ? ' was' : 's were'} started and never ended in test "${testName}":\n` +
    open.map((span) => `  - ${describeSpan(span)} (span ${span.spanId})`).join('\n') +
    '\nEnd every span (span.end(), or use tracer.startActiveSpan with a finally block).';
  if (policy === 'fail') throw new Error(message);
  process.emitWarning(message, { code: 'TRACESPEC_OPEN_SPANS' });
  return message;
}
