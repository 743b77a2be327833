// The timing family: durations, order, overlap, containment, critical path, repeated spans. Runtime matchers and
// their typed `Matchers` augmentation side by side; the checks are in check/timing/.
import type { SpanRef } from '../../check/expectation/SpanRef.ts';
import type { SkewOptions } from '../../check/timing/clockSkew.ts';
import type { DurationBounds } from '../../check/timing/DurationBounds.ts';
import { type CriticalPathOptions, hasCriticalPath } from '../../check/timing/hasCriticalPath.ts';
import { hasDuration } from '../../check/timing/hasDuration.ts';
import { hasNoRepeatedSpans, type RepeatedSpansOptions } from '../../check/timing/hasNoRepeatedSpans.ts';
import { hasSpansWithinParents, type WithinParentsOptions } from '../../check/timing/hasSpansWithinParents.ts';
import { isOrdered, type OrderRelation } from '../../check/timing/isOrdered.ts';
import { isParallel } from '../../check/timing/isParallel.ts';
import { isSequential, type SequenceOptions } from '../../check/timing/isSequential.ts';
import { isWithinParent } from '../../check/timing/isWithinParent.ts';
import { defineMatchers, type MatcherDefinition, toMatcher } from '../toMatcher.ts';
import { spanGroup } from './spanGroup.ts';

/**
 * The timing matchers as vitest sees them. Durations take units (`'250us'`, `'200ms'`, `'1.5s'`) or numbers of
 * milliseconds. Group matchers take an array of spans, or the traces plus which spans form the group.
 *
 * @example
 * expect(traces).toRunInParallel({ kind: 'client', name: /^GET / });
 * expect(span).toHaveDuration({ under: '200ms' });
 */
export interface TimingMatchers<R = unknown> {
  /**
   * The span (or every span of the array) lasts within the bounds: `under` and `over` are strict, `between`
   * is inclusive.
   *
   * @example
   * expect(span).toHaveDuration({ under: '200ms' });
   * expect(spans).toHaveDuration({ between: ['10ms', '50ms'] });
   */
  toHaveDuration(bounds: DurationBounds): R;
  /**
   * Every span of the traces that `spans` matches lasts within the bounds (and there is at least one).
   *
   * @example
   * expect(traces).toHaveDuration({ attributes: { 'db.system': 'postgresql' } }, { under: '20ms' });
   */
  toHaveDuration(spans: SpanRef, bounds: DurationBounds): R;
  /**
   * The span starts after `other` starts (strictly, up to the tolerance), against every span `other` matches.
   *
   * @example
   * expect(priceCall).toStartAfter({ name: 'GET /stock' });
   */
  toStartAfter(other: SpanRef, options?: SkewOptions): R;
  /**
   * The span ends before `other` ends (strictly, up to the tolerance).
   *
   * @example
   * expect(dbSpan).toEndBefore(handlerSpan);
   */
  toEndBefore(other: SpanRef, options?: SkewOptions): R;
  /**
   * The span starts at or after the end of `other` (up to the tolerance).
   *
   * @example
   * expect(priceCall).toStartAfterEndOf({ name: 'GET /stock' });
   */
  toStartAfterEndOf(other: SpanRef, options?: SkewOptions): R;
  /**
   * The span and `other` share time (touching ends do not count).
   *
   * @example
   * expect(stockCall).toOverlap({ name: 'GET /price' });
   */
  toOverlap(other: SpanRef, options?: SkewOptions): R;
  /**
   * The spans of the array (at least two) all ran at one moment.
   *
   * @example
   * expect([stockCall, priceCall]).toRunInParallel();
   */
  toRunInParallel(options?: SkewOptions): R;
  /**
   * The spans of the traces that `spans` matches (at least two) all ran at one moment.
   *
   * @example
   * expect(traces).toRunInParallel({ name: /^GET /, kind: 'client' });
   */
  toRunInParallel(spans: SpanRef, options?: SkewOptions): R;
  /**
   * The spans of the array (at least two) ran one after the other, in start order; `gap` bounds the gaps.
   *
   * @example
   * expect(migrations).toRunInSequence({ gap: { under: '5ms' } });
   */
  toRunInSequence(options?: SequenceOptions): R;
  /**
   * The spans of the traces that `spans` matches (at least two) ran one after the other.
   *
   * @example
   * expect(traces).toRunInSequence({ name: /^migrate / });
   */
  toRunInSequence(spans: SpanRef, options?: SequenceOptions): R;
  /**
   * The span lies within its parent's time range, up to the tolerance (1ms in one process, 5ms across).
   *
   * @example
   * expect(serverSpan).toBeWithinParent({ tolerance: '10ms' });
   */
  toBeWithinParent(options?: SkewOptions): R;
  /**
   * Every child span lies within its parent's time range; a failure lists each one that sticks out, as likely
   * clock skew or likely bug.
   *
   * @example
   * expect(traces).toHaveSpansWithinParents({ ignoreClockSkew: true });
   */
  toHaveSpansWithinParents(options?: WithinParentsOptions): R;
  /**
   * The trace's critical path is exactly these spans (or, with `exact: false`, goes through them in order).
   *
   * @example
   * expect(trace).toHaveCriticalPath([{ name: 'POST /checkout' }, { name: 'GET /stock' }]);
   */
  toHaveCriticalPath(path: readonly SpanRef[], options?: CriticalPathOptions): R;
  /**
   * No parent has more than `max` (default 1) child spans of one shape among those `spans` matches: no N+1.
   *
   * @example
   * expect(traces).toHaveNoRepeatedSpans({ attributes: { 'db.system': 'postgresql' } }, { under: { kind: 'server' } });
   */
  toHaveNoRepeatedSpans(spans: SpanRef, options?: RepeatedSpansOptions): R;
}

const order = (relation: OrderRelation): MatcherDefinition =>
  toMatcher('span', ({ span, trace }, other: SpanRef, options?: SkewOptions) =>
    isOrdered(relation, span, other, options, trace),
  );

/**
 * The timing matchers, for `expect.extend` (importing `tracespec/vitest` registers them).
 *
 * @example
 * expect.extend(timingMatchers);
 */
export const timingMatchers = defineMatchers<TimingMatchers>({
  toHaveDuration: toMatcher('spans', (subject, ...args: [DurationBounds] | [SpanRef, DurationBounds]) => {
    const { group, rest } = spanGroup(subject, args, 'toHaveDuration', true);
    return hasDuration(group, rest[0] as DurationBounds, subject.scope);
  }),
  toStartAfter: order('startsAfter'),
  toEndBefore: order('endsBefore'),
  toStartAfterEndOf: order('startsAfterEndOf'),
  toOverlap: order('overlaps'),
  toRunInParallel: toMatcher('spans', (subject, ...args: [SkewOptions?] | [SpanRef, SkewOptions?]) => {
    const { group, rest } = spanGroup(subject, args, 'toRunInParallel', false);
    return isParallel(group, rest[0] as SkewOptions | undefined, subject.scope);
  }),
  toRunInSequence: toMatcher('spans', (subject, ...args: [SequenceOptions?] | [SpanRef, SequenceOptions?]) => {
    const { group, rest } = spanGroup(subject, args, 'toRunInSequence', false);
    return isSequential(group, rest[0] as SequenceOptions | undefined, subject.scope);
  }),
  toBeWithinParent: toMatcher('span', ({ span, trace }, options?: SkewOptions) => isWithinParent(span, options, trace)),
  toHaveSpansWithinParents: toMatcher('traces', (set, options?: WithinParentsOptions) =>
    hasSpansWithinParents(set, options),
  ),
  toHaveCriticalPath: toMatcher('trace', (trace, path: readonly SpanRef[], options?: CriticalPathOptions) =>
    hasCriticalPath(trace, path, options),
  ),
  toHaveNoRepeatedSpans: toMatcher('traces', (set, spans: SpanRef, options?: RepeatedSpansOptions) =>
    hasNoRepeatedSpans(set, spans, options),
  ),
});

declare module 'vitest' {
  // T is part of vitest's declaration and must be repeated.
  interface Matchers<R, T> extends TimingMatchers<R> {}
}
