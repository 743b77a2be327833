import { failureMarks } from '../../model/FailureMarks.ts';
import { isSpan } from '../../model/isSpan.ts';
import type { Span } from '../../model/Span.ts';
import { clockOf, type SpanClock } from '../../model/sdkClock.ts';
import type { Trace } from '../../model/Trace.ts';
import { formatDuration } from '../../model/time.ts';
import { describeSpan } from '../../render/describeSpan.ts';
import type { CheckResult } from '../CheckResult.ts';
import { checkMessage } from '../checkMessage.ts';
import { describeRef, resolveSomeSpans } from '../expectation/resolveSpans.ts';
import type { SpanRef } from '../expectation/SpanRef.ts';
import { traceNeeded } from '../expectation/traceNeeded.ts';
import { type SkewOptions, toleranceBetween } from './clockSkew.ts';
import { overlapNanos, overlapsBeyond } from './overlap.ts';
import { timeline } from './timeline.ts';

/**
 * The relations between two spans' times that the order matchers check.
 *
 * @example
 * const relation: OrderRelation = 'startsAfterEndOf';
 */
export type OrderRelation = 'startsAfter' | 'endsBefore' | 'startsAfterEndOf' | 'overlaps';

interface Relation {
  readonly matcher: string;
  readonly phrase: string;
  /** True when the relation holds with this tolerance (ns), on the clock the two spans are compared on. */
  readonly holds: (span: Span, other: Span, tolerance: bigint, clock: SpanClock) => boolean;
  /** What the times were, in words, followed by the other span: "starts 3ms before the end of". */
  readonly explain: (span: Span, other: Span, clock: SpanClock) => string;
}

const RELATIONS: Readonly<Record<OrderRelation, Relation>> = {
  startsAfter: {
    matcher: 'toStartAfter',
    phrase: 'to start after',
    holds: (span, other, tolerance, clock) => clock.start(span) + tolerance > clock.start(other),
    explain: (span, other, clock) => relative('starts', clock.start(span), clock.start(other), 'the start of'),
  },
  endsBefore: {
    matcher: 'toEndBefore',
    phrase: 'to end before',
    holds: (span, other, tolerance, clock) => clock.end(span) < clock.end(other) + tolerance,
    explain: (span, other, clock) => relative('ends', clock.end(span), clock.end(other), 'the end of'),
  },
  startsAfterEndOf: {
    matcher: 'toStartAfterEndOf',
    phrase: 'to start after the end of',
    holds: (span, other, tolerance, clock) => clock.start(span) + tolerance >= clock.end(other),
    explain: (span, other, clock) => relative('starts', clock.start(span), clock.end(other), 'the end of'),
  },
  overlaps: {
    matcher: 'toOverlap',
    phrase: 'to overlap',
    holds: overlapsBeyond,
    explain: (span, other, clock) =>
      clock.end(span) <= clock.start(other)
        ? relative('ends', clock.end(span), clock.start(other), 'the start of')
        : clock.start(span) >= clock.end(other)
          ? relative('starts', clock.start(span), clock.end(other), 'the end of')
          : `runs ${formatDuration(overlapNanos(span, other, clock))} at the same time as`,
  },
};

/**
 * Checks the order of a span against other spans: the relation must hold against every span `other` points
 * at. Compared exactly (`tolerance: 0`), "after" and "before" are strict (equal times do not count);
 * `startsAfterEndOf` accepts a start exactly at the other's end; `overlaps` needs time in common (touching ends
 * do not overlap; a zero-length span strictly inside the other does). The tolerance (see {@link SkewOptions},
 * 1ms within a process, 5ms between processes by default) loosens the order relations by that much and makes
 * `overlaps` need more than that much time in common. A partial span or selector as `other` is looked up in
 * `trace`, the span's trace, which is then required.
 *
 * @example
 * isOrdered('startsAfterEndOf', priceSpan, { name: 'GET /stock' }, {}, trace);
 * isOrdered('overlaps', a, b, { tolerance: '2ms' });
 */
export function isOrdered(
  relation: OrderRelation,
  span: Span,
  other: SpanRef,
  options: SkewOptions = {},
  trace?: Trace,
): CheckResult {
  const { matcher, phrase, holds, explain } = RELATIONS[relation];
  const what = `${matcher}(other)`;
  const others = resolveOthers(span, other, what, trace);
  const results = others.map((item) => {
    const tolerance = toleranceBetween(span, item, options, `${matcher}()`);
    const clock = clockOf([span, item]);
    return { other: item, tolerance, clock, ok: holds(span, item, tolerance, clock) };
  });
  const failed = results.filter((result) => !result.ok);
  const pass = failed.length === 0;
  const shown = pass ? results : failed;
  const marked = () => {
    const marks = new Map<Span, string>([[span, '◀ this span']]);
    for (const [i, result] of shown.entries()) marks.set(result.other, `◀ other${shown.length > 1 ? ` ${i + 1}` : ''}`);
    return marks;
  };
  return {
    pass,
    marks: () => failureMarks(marked()),
    message: () => {
      const marks = marked();
      return checkMessage({
        expected: [
          describeSpan(span),
          `  ${pass ? 'not ' : ''}${phrase} ${others.length === 1 ? describeSpan(others[0] as Span) : `each of ${others.length} spans matching ${describeRef(other)}`}`,
        ],
        received: `${pass ? 'it does' : 'it does not'}:`,
        details: shown.map(
          (result) =>
            `  ${explain(span, result.other, result.clock)} ${describeSpan(result.other)}${result.tolerance > 0n ? ` (tolerance ${formatDuration(result.tolerance)})` : ''}`,
        ),
        blocks: [timeline([span, ...others], marks, trace)],
      });
    },
  };
}

/** "starts 3ms before the end of", "starts at the same time as the start of" */
function relative(subject: string, time: bigint, reference: bigint, referenceEvent: string): string {
  if (time === reference) return `${subject} at the same time as ${referenceEvent}`;
  const distance = formatDuration(time > reference ? time - reference : reference - time);
  return `${subject} ${distance} ${time > reference ? 'after' : 'before'} ${referenceEvent}`;
}

/** The spans `other` points at in the span's trace, leaving out the span itself. */
function resolveOthers(span: Span, other: SpanRef, what: string, trace: Trace | undefined): Span[] {
  if (isSpan(other)) return [other];
  if (trace === undefined || !trace.has(span)) {
    throw traceNeeded(what, span, `${describeRef(other)} (the other spans)`);
  }
  const others = resolveSomeSpans(trace, other, what).filter((item) => item !== span);
  if (others.length === 0) {
    throw new Error(`[tracespec] ${what}: ${describeRef(other)} matches only the span itself.`);
  }
  return others;
}
