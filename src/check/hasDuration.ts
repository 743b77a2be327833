import type { Span } from '../model/Span.ts';
import { formatDuration } from '../model/time.ts';
import { describeSpan } from '../render/describeSpan.ts';
import type { CheckResult } from './CheckResult.ts';
import { type DurationBounds, describeBounds, parseBounds, withinBounds } from './DurationBounds.ts';
import { failureMarks } from './FailureMarks.ts';
import { timeline } from './timeline.ts';

/**
 * Checks that every given span's duration is within the bounds. With no span at all it fails (there is nothing
 * to vouch for). The message lists the spans out of bounds and shows them on the trace's waterfall.
 *
 * @example
 * hasDuration([span], { under: '200ms' });
 * hasDuration(resolveSpans(traces, { name: 'SELECT' }), { between: ['1ms', '50ms'] });
 */
export function hasDuration(spans: readonly Span[], bounds: DurationBounds): CheckResult {
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
        return `Expected: spans with a duration ${wanted}\nReceived: no span to check`;
      }
      const lines = one
        ? [
            `Expected: ${pass ? 'not ' : ''}a duration ${wanted}`,
            `Received: ${one.ended ? formatDuration(one.durationNano) : 'the span has not ended'}`,
            `Span: ${describeSpan(one)}`,
          ]
        : [
            `Expected: ${pass ? 'not ' : ''}every one of ${spans.length} spans to last ${wanted}`,
            pass
              ? `Received: all ${spans.length} do (${spans.map((span) => formatDuration(span.durationNano)).join(', ')})`
              : `Received: ${outside.length} of ${spans.length} do${outside.length === 1 ? 'es' : ''} not:`,
            ...(pass ? [] : outside.map((span, i) => `  ${i + 1}. ${describeSpan(span)}`)),
          ];
      return [...lines, '', timeline(spans, marked())].join('\n');
    },
  };
}
