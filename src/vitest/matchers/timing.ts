import type { SpanRef } from '../../check/expectation/SpanRef.ts';
import type { SkewOptions } from '../../check/timing/clockSkew.ts';
import type { DurationBounds } from '../../check/timing/DurationBounds.ts';
import { type CriticalPathOptions, hasCriticalPath } from '../../check/timing/hasCriticalPath.ts';
import { hasDuration } from '../../check/timing/hasDuration.ts';
import { hasNoRepeatedSpans, type RepeatedSpansOptions } from '../../check/timing/hasNoRepeatedSpans.ts';
import { spansWithinParents, type WithinParentsOptions } from '../../check/timing/hasSpansWithinParents.ts';
import { checkOrder, type OrderRelation } from '../../check/timing/isOrdered.ts';
import { runsInParallel } from '../../check/timing/isParallel.ts';
import { runsInSequence, type SequenceOptions } from '../../check/timing/isSequential.ts';
import { isWithinParent } from '../../check/timing/isWithinParent.ts';
import { Trace } from '../../model/Trace.ts';
import { isSpan, toSpan, toTraceSet } from '../../model/TracesLike.ts';
import { toMatcher } from '../toMatcher.ts';
import { toSpanGroup } from './spanGroup.ts';

const order = (name: string, relation: OrderRelation) =>
  toMatcher(name, 'span', (received, other: SpanRef, options?: SkewOptions) =>
    checkOrder(relation, toSpan(received, name), other, options),
  );

/**
 * tracespec's timing matchers, registered with the others by `tracespec/vitest`.
 *
 * @example
 * expect.extend(timingMatchers);
 */
export const timingMatchers = {
  toHaveDuration: toMatcher(
    'toHaveDuration',
    'spans',
    (received, ...args: [DurationBounds] | [SpanRef, DurationBounds]) => {
      if (isSpan(received)) return hasDuration([received], args[0] as DurationBounds);
      const { group, rest } = toSpanGroup(received, args, 'toHaveDuration');
      return hasDuration(group, rest[0] as DurationBounds);
    },
  ),
  toStartAfter: order('toStartAfter', 'startsAfter'),
  toEndBefore: order('toEndBefore', 'endsBefore'),
  toStartAfterEndOf: order('toStartAfterEndOf', 'startsAfterEndOf'),
  toOverlap: order('toOverlap', 'overlaps'),
  toRunInParallel: toMatcher(
    'toRunInParallel',
    'spans',
    (received, ...args: [SkewOptions?] | [SpanRef, SkewOptions?]) => {
      const { group, rest } = toSpanGroup(received, args, 'toRunInParallel');
      return runsInParallel(group, rest[0] as SkewOptions | undefined);
    },
  ),
  toRunInSequence: toMatcher(
    'toRunInSequence',
    'spans',
    (received, ...args: [SequenceOptions?] | [SpanRef, SequenceOptions?]) => {
      const { group, rest } = toSpanGroup(received, args, 'toRunInSequence');
      return runsInSequence(group, rest[0] as SequenceOptions | undefined);
    },
  ),
  toBeWithinParent: toMatcher('toBeWithinParent', 'span', (received, options?: SkewOptions) =>
    isWithinParent(toSpan(received, 'toBeWithinParent'), options),
  ),
  toHaveSpansWithinParents: toMatcher(
    'toHaveSpansWithinParents',
    'traces',
    (received, options?: WithinParentsOptions) =>
      spansWithinParents(toTraceSet(received, 'toHaveSpansWithinParents'), options),
  ),
  toHaveCriticalPath: toMatcher(
    'toHaveCriticalPath',
    'trace',
    (received, path: readonly SpanRef[], options?: CriticalPathOptions) =>
      hasCriticalPath(Trace.is(received) ? received : toTraceSet(received, 'toHaveCriticalPath').only(), path, options),
  ),
  toHaveNoRepeatedSpans: toMatcher(
    'toHaveNoRepeatedSpans',
    'traces',
    (received, spans: SpanRef, options?: RepeatedSpansOptions) =>
      hasNoRepeatedSpans(toTraceSet(received, 'toHaveNoRepeatedSpans'), spans, options),
  ),
};
