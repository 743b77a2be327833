// The span family: matchers on one span's own fields and its parent. Runtime matchers and their typed `Matchers`
// augmentation side by side; the checks are in check/span/.
import type {
  AttributeMatcher,
  EventExpectation,
  SpanExpectation,
  StatusExpectation,
} from '../../check/expectation/SpanExpectation.ts';
import { hasAttributes } from '../../check/span/hasAttributes.ts';
import { hasEvent } from '../../check/span/hasEvent.ts';
import { hasParent } from '../../check/span/hasParent.ts';
import { hasStatus } from '../../check/span/hasStatus.ts';
import { isRoot } from '../../check/span/isRoot.ts';
import type { Span } from '../../model/Span.ts';
import { defineMatchers, toMatcher } from '../toMatcher.ts';

/**
 * The span matchers as vitest sees them (`expect(span).toHaveStatus(...)`). The subject is a recorded span (its
 * trace is found in the test's store) or `inTrace(span, trace)` for a span the test did not record.
 */
export interface SpanMatchers<R = unknown> {
  /**
   * The span has these attributes (a subset; values, RegExps or asymmetric matchers).
   *
   * @example
   * expect(span).toHaveAttributes({ 'http.request.method': 'GET' });
   */
  toHaveAttributes(attributes: Readonly<Record<string, AttributeMatcher | undefined>>): R;
  /**
   * The span has this status code, or a partial `{ code, message }`.
   *
   * @example
   * expect(span).toHaveStatus({ code: 'error', message: /timeout/ });
   */
  toHaveStatus(status: StatusExpectation): R;
  /**
   * The span recorded an event with this name, or matching a partial event.
   *
   * @example
   * expect(span).toHaveEvent({ name: 'exception', attributes: { 'exception.type': 'Error' } });
   */
  toHaveEvent(event: EventExpectation): R;
  /**
   * The span's parent matches the partial span or the selector, or is the given span.
   *
   * @example
   * expect(serverSpan).toHaveParent({ kind: 'client' });
   * expect(serverSpan).toHaveParent('[service=gateway][kind=client]');
   */
  toHaveParent(parent: SpanExpectation | Span | string): R;
  /**
   * The span has no parent.
   *
   * @example
   * expect(trace.spans[0]).toBeRoot();
   */
  toBeRoot(): R;
}

/**
 * The span matchers, for `expect.extend` (importing `tracespec/vitest` registers them).
 *
 * @example
 * expect.extend(spanMatchers);
 */
export const spanMatchers = defineMatchers<SpanMatchers>({
  toHaveAttributes: toMatcher(
    'span',
    ({ span, trace }, attributes: Readonly<Record<string, AttributeMatcher | undefined>>) =>
      hasAttributes(span, attributes, trace),
  ),
  toHaveStatus: toMatcher('span', ({ span, trace }, status: StatusExpectation) => hasStatus(span, status, trace)),
  toHaveEvent: toMatcher('span', ({ span, trace }, event: EventExpectation) => hasEvent(span, event, trace)),
  toHaveParent: toMatcher('span', ({ span, trace }, parent: SpanExpectation | Span | string) =>
    hasParent(span, parent, trace),
  ),
  toBeRoot: toMatcher('span', ({ span, trace }) => isRoot(span, trace)),
});

declare module 'vitest' {
  // T is part of vitest's declaration and must be repeated.
  interface Matchers<R, T> extends SpanMatchers<R> {}
}
