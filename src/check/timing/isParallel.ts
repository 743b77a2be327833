import { maxBigInt, minBigInt } from '../../model/bigintMath.ts';
import { compareSpans } from '../../model/compareSpans.ts';
import { failureMarks } from '../../model/FailureMarks.ts';
import type { Span } from '../../model/Span.ts';
import { clockOf, type SpanClock } from '../../model/sdkClock.ts';
import type { Trace } from '../../model/Trace.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import { formatDuration } from '../../model/time.ts';
import { describeSpan } from '../../render/describeSpan.ts';
import type { CheckResult } from '../CheckResult.ts';
import { checkMessage } from '../checkMessage.ts';
import { type SkewOptions, toleranceBetween } from './clockSkew.ts';
import { overlapNanos, overlapsBeyond } from './overlap.ts';
import { requireGroup } from './requireGroup.ts';
import { timeline } from './timeline.ts';

/**
 * Checks that a group of at least two spans ran in parallel: every two of them share time (more than the
 * tolerance, see {@link SkewOptions}), so there was a moment when all of them were running. The message names
 * each pair that did not overlap and shows the waterfall of the group, in the traces of `scope` that hold it.
 *
 * @example
 * isParallel(find(trace, '[kind=client]'), {}, trace);
 */
export function isParallel(group: readonly Span[], options: SkewOptions = {}, scope?: Trace | TraceSet): CheckResult {
  requireGroup(group, 'toRunInParallel()');
  const spans = [...group].sort(compareSpans);
  const apart: { first: Span; second: Span; tolerance: bigint }[] = [];
  for (const [i, first] of spans.entries()) {
    for (const second of spans.slice(i + 1)) {
      const tolerance = toleranceBetween(first, second, options, 'toRunInParallel()');
      if (!overlapsBeyond(first, second, tolerance)) apart.push({ first, second, tolerance });
    }
  }
  const pass = apart.length === 0;
  const marked = () => new Map<Span, string>(spans.map((span, i) => [span, `◀ ${i + 1}`]));
  return {
    pass,
    marks: () => failureMarks(marked()),
    message: () => {
      const marks = marked();
      return checkMessage({
        expected: `${spans.length} spans ${pass ? 'not ' : ''}to run in parallel (all in flight at one moment)`,
        received: pass
          ? inFlightTogether(spans, clockOf(spans))
          : `${apart.length} pair${apart.length === 1 ? '' : 's'} not shown to run at the same time:`,
        details: [
          ...apart
            .slice(0, 10)
            .map(({ first, second, tolerance }) => `  ${describePair(spans, first, second, tolerance)}`),
          ...(apart.length > 10 ? [`  … ${apart.length - 10} more pairs`] : []),
          'The group:',
          ...spans.map((span, i) => `  ${i + 1}. ${describeSpan(span)}`),
        ],
        blocks: [timeline(spans, marks, scope)],
      });
    },
  };
}

/** "all were in flight together from +4ms to +30ms after the first started" */
function inFlightTogether(spans: readonly Span[], clock: SpanClock): string {
  const first = earliestStart(spans, clock);
  return `all were in flight together from +${formatDuration(latestStart(spans, clock) - first)} to +${formatDuration(earliestEnd(spans, clock) - first)} after the first started`;
}

/** "#2 starts 3ms after #1 ends", "#2 shares only 400us with #1 (tolerance 1ms)" */
function describePair(spans: readonly Span[], first: Span, second: Span, tolerance: bigint): string {
  const note = tolerance > 0n ? ` (tolerance ${formatDuration(tolerance)})` : '';
  const clock = clockOf([first, second]);
  const shared = overlapNanos(first, second, clock);
  if (shared > 0n)
    return `${number(spans, second)} shares only ${formatDuration(shared)} with ${number(spans, first)}${note}`;
  const gap = clock.start(second) - clock.end(first);
  const when = gap === 0n ? 'just as' : `${formatDuration(gap < 0n ? -gap : gap)} ${gap < 0n ? 'before' : 'after'}`;
  return `${number(spans, second)} starts ${when} ${number(spans, first)} ends${note}`;
}

function number(spans: readonly Span[], span: Span): string {
  return `#${spans.indexOf(span) + 1}`;
}

function earliestStart(spans: readonly Span[], clock: SpanClock): bigint {
  return spans.map((span) => clock.start(span)).reduce(minBigInt);
}

function latestStart(spans: readonly Span[], clock: SpanClock): bigint {
  return spans.map((span) => clock.start(span)).reduce(maxBigInt);
}

function earliestEnd(spans: readonly Span[], clock: SpanClock): bigint {
  return spans.map((span) => clock.end(span)).reduce(minBigInt);
}
