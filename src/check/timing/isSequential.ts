import { compareSpans } from '../../model/compareSpans.ts';
import { failureMarks } from '../../model/FailureMarks.ts';
import type { Span } from '../../model/Span.ts';
import { clockOf } from '../../model/sdkClock.ts';
import type { Trace } from '../../model/Trace.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import { formatDuration } from '../../model/time.ts';
import { describeSpan } from '../../render/describeSpan.ts';
import type { CheckResult } from '../CheckResult.ts';
import { checkMessage } from '../checkMessage.ts';
import { type SkewOptions, toleranceBetween } from './clockSkew.ts';
import { type DurationBounds, describeBounds, parseBounds, withinBounds } from './DurationBounds.ts';
import { requireGroup } from './requireGroup.ts';
import { timeline } from './timeline.ts';

/**
 * Options of {@link isSequential}.
 *
 * @example
 * expect(traces).toRunInSequence({ name: /^migrate / }, { gap: { under: '5ms' } });
 */
export interface SequenceOptions extends SkewOptions {
  /** Bounds on each gap between one span's end and the next one's start, e.g. `{ under: '5ms' }`. */
  readonly gap?: DurationBounds;
}

/**
 * Checks that a group of at least two spans ran one after the other: in start order, each starts at or after
 * the end of the previous one (touching counts), and each gap is within `gap` when given. The message names
 * each overlap or gap out of bounds and shows the waterfall of the group, in the traces of `scope` that hold it.
 *
 * @example
 * isSequential(find(trace, 'migrate'), { gap: { under: '10ms' } }, trace);
 */
export function isSequential(
  group: readonly Span[],
  options: SequenceOptions = {},
  scope?: Trace | TraceSet,
): CheckResult {
  requireGroup(group, 'toRunInSequence()');
  const gapBounds = options.gap === undefined ? undefined : parseBounds(options.gap, 'toRunInSequence(): option `gap`');
  // In start order on the clock the group is compared on (the SDK's own start stamps can swap two spans that
  // started within a millisecond).
  const groupClock = clockOf(group);
  const spans = [...group].sort((a, b) => {
    const byClock = groupClock.start(a) - groupClock.start(b);
    return byClock === 0n ? compareSpans(a, b) : byClock < 0n ? -1 : 1;
  });
  const problems: { index: number; text: string }[] = [];
  for (let i = 1; i < spans.length; i++) {
    const previous = spans[i - 1] as Span;
    const next = spans[i] as Span;
    const tolerance = toleranceBetween(previous, next, options, 'toRunInSequence()');
    const clock = clockOf([previous, next]);
    const gap = clock.start(next) - clock.end(previous);
    const skew = tolerance > 0n ? ` (tolerance ${formatDuration(tolerance)})` : '';
    if (gap + tolerance < 0n) {
      problems.push({ index: i, text: `#${i + 1} starts ${formatDuration(-gap)} before #${i} ends${skew}` });
    } else if (gapBounds && !withinBounds(gap > 0n ? gap : 0n, gapBounds)) {
      problems.push({
        index: i,
        text: `the gap between #${i} and #${i + 1} is ${formatDuration(gap > 0n ? gap : 0n)}, not ${describeBounds(gapBounds)}`,
      });
    }
  }
  const pass = problems.length === 0;
  const wanted = `${spans.length} spans ${pass ? 'not ' : ''}to run in sequence (each after the previous one ended${gapBounds ? `, gaps ${describeBounds(gapBounds)}` : ''})`;
  const marked = () => new Map<Span, string>(spans.map((span, i) => [span, `◀ ${i + 1}`]));
  return {
    pass,
    marks: () => failureMarks(marked()),
    message: () => {
      const marks = marked();
      return checkMessage({
        expected: wanted,
        received: pass ? 'they do' : `${problems.length} problem${problems.length === 1 ? '' : 's'}:`,
        details: [
          ...problems.map((problem) => `  ${problem.text}`),
          'The group, in start order:',
          ...spans.map((span, i) => `  ${i + 1}. ${describeSpan(span)}`),
        ],
        blocks: [timeline(spans, marks, scope)],
      });
    },
  };
}
