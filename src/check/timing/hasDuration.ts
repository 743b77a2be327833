import { failureMarks } from '../../model/FailureMarks.ts';
import type { Span } from '../../model/Span.ts';
import type { Trace } from '../../model/Trace.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import { formatDuration } from '../../model/time.ts';
import { describeSpan } from '../../render/describeSpan.ts';
import type { CheckResult } from '../CheckResult.ts';
import { checkMessage } from '../checkMessage.ts';
import { type DurationBounds, describeBounds, parseBounds, withinBounds } from './DurationBounds.ts';
import { timeline } from './timeline.ts';

/**
 * Checks that every given span's duration is within the bounds. With no span at all it fails (there is nothing
 * to vouch for). The message lists the spans out of bounds and shows them on the waterfall of their traces
 * (those of `scope` that hold them).
 *
 * @example
 * hasDuration([span], { under: '200ms' }, trace);
 * hasDuration(find(traces, 'SELECT'), { between: ['1ms', '50ms'] }, traces.traceSet());
 */
export function hasDuration(spans: readonly Span[], bounds: DurationBounds, scope?: Trace | TraceSet): CheckResult {
  const parsed = parseBounds(bounds, 'toHaveDuration()');
  const wanted = describeBounds(parsed);
  const outside = spans.filter((span) => !span.ended || !withinBounds(span.durationNano, parsed));
  const pass = spans.length > 0 && outside.length === 0;
  const one = spans.length === 1 ? spans[0] : undefined;
  const marked = () =>
    new Map<Span, string>((pass ? spans : outside).map((span) => [span, `◀ ${pass ? 'within' : 'not'} ${wanted}`]));
  return {
    pass,
    marks: () => failureMarks(marked()),
    message: () => {
      if (spans.length === 0) {
        return checkMessage({ expected: `spans with a duration ${wanted}`, received: 'no span to check' });
      }
      const picture = [timeline(spans, marked(), scope)];
      if (one) {
        return checkMessage({
          expected: `${pass ? 'not ' : ''}a duration ${wanted}`,
          received: one.ended ? formatDuration(one.durationNano) : 'the span has not ended',
          details: [`Span: ${describeSpan(one)}`],
          blocks: picture,
        });
      }
      return checkMessage({
        expected: `${pass ? 'not ' : ''}every one of ${spans.length} spans to last ${wanted}`,
        received: pass
          ? `all ${spans.length} do (${spans.map((span) => formatDuration(span.durationNano)).join(', ')})`
          : `${outside.length} of ${spans.length} do${outside.length === 1 ? 'es' : ''} not:`,
        details: pass ? [] : outside.map((span, i) => `  ${i + 1}. ${describeSpan(span)}`),
        blocks: picture,
      });
    },
  };
}
