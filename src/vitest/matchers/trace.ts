// The trace family: matchers on whole traces (what spans there are, how they connect). Runtime matchers and their
// typed `Matchers` augmentation side by side; the checks are in check/trace/.
import type { CountOptions } from '../../check/expectation/countExpectation.ts';
import type { SpanExpectation } from '../../check/expectation/SpanExpectation.ts';
import { hasNoErrors } from '../../check/trace/hasNoErrors.ts';
import { hasPropagation, type PropagationHop } from '../../check/trace/hasPropagation.ts';
import { type EdgeExpectation, hasServiceGraph, type ServiceGraphOptions } from '../../check/trace/hasServiceGraph.ts';
import { hasSpan } from '../../check/trace/hasSpan.ts';
import { hasSpanTree } from '../../check/trace/hasSpanTree.ts';
import { type ConnectedOptions, isConnected } from '../../check/trace/isConnected.ts';
import type { ShapeNode, TreeShapeOptions } from '../../check/trace/shape/SpanShape.ts';
import { withStrayMatches } from '../../check/trace/strayMatches.ts';
import { custom, defineMatchers, toMatcher } from '../toMatcher.ts';
import { type EventuallyOptions, toEventuallyHaveSpan } from './eventually.ts';

/** The trace matchers as vitest sees them (`expect(traces).toHaveSpan(...)`); `R` is `Promise<void>` under `expect.poll`. */
export interface TraceMatchers<R = unknown> {
  /**
   * The traces hold a span matching the partial span or the selector (by default at least one). On a test's
   * traces, a failure with no match also lists matching spans that arrived in split-off traces no test claimed
   * (where a lost trace context leaves them).
   *
   * @example
   * expect(traces).toHaveSpan({ name: 'GET /orders/:id', kind: 'server', attributes: { 'http.response.status_code': 200 } });
   * expect(traces).toHaveSpan({ kind: 'client' }, { times: 2 });
   * expect(traces).toHaveSpan('[service=orders] > [db.system=postgresql]');
   */
  toHaveSpan(expected: SpanExpectation | string, options?: CountOptions): R;
  /**
   * The traces hold a span tree of this shape: nested partial spans (or selectors) with `children` (direct) and
   * `descendants` (somewhere below). By default extra spans are allowed and children match in any order.
   *
   * @example
   * expect(traces).toHaveSpanTree(span('POST /checkout', [span('SELECT cart'), deep('INSERT order')]));
   * expect(traces).toHaveSpanTree({ name: 'GET /', children: [{ name: 'SELECT' }] }, { mode: 'exact' });
   */
  toHaveSpanTree(shape: ShapeNode, options?: TreeShapeOptions): R;
  /**
   * Waits until the traces hold a matching span (re-running `toHaveSpan` until it passes or the deadline, then
   * showing the last real failure). With `.not`, watches the whole window and fails as soon as the span appears.
   *
   * @example
   * await expect(collector).toEventuallyHaveSpan({ service: 'orders', kind: 'server' }, { timeout: 3000 });
   * await expect(traces).not.toEventuallyHaveSpan({ name: 'retry' }, { timeout: 200 });
   */
  toEventuallyHaveSpan(expected: SpanExpectation, options?: EventuallyOptions): Promise<void>;
  /**
   * No span has status `error`.
   *
   * @example
   * expect(traces).toHaveNoErrors();
   */
  toHaveNoErrors(): R;
  /**
   * The spans form one connected trace: one trace id, one root, every parent present. A failure names each hop
   * that lost context and the client span that should have been the parent.
   *
   * @example
   * expect(collector.traces()).toBeConnected();
   */
  toBeConnected(options?: ConnectedOptions): R;
  /**
   * A client (or producer) span in `from` is the parent of a server (or consumer) span in `to`, and no call of
   * that hop lost the context: not on the wire, and not inside `from` before it called (a call made outside the
   * request's context, or handling under a new root). A failure names the cause as `toBeConnected` does.
   *
   * @example
   * expect(trace).toPropagate({ from: 'gateway', to: 'orders' });
   */
  toPropagate(hop: PropagationHop): R;
  /**
   * The service graph has these edges (`'a -> b'` or `{ from, to, calls?, errors? }`); with `exact`, only these.
   *
   * @example
   * expect(trace).toHaveServiceGraph(['gateway -> orders', 'orders -> inventory'], { exact: true });
   */
  toHaveServiceGraph(edges: readonly EdgeExpectation[], options?: ServiceGraphOptions): R;
}

/**
 * The trace matchers, for `expect.extend` (importing `tracespec/vitest` registers them).
 *
 * @example
 * expect.extend(traceMatchers);
 */
export const traceMatchers = defineMatchers<TraceMatchers>({
  // A failure on a test's traces also says when matching spans arrived in a split-off trace (lost context).
  toHaveSpan: toMatcher('live traces', (subject, expected: SpanExpectation | string, options?: CountOptions) =>
    withStrayMatches(hasSpan(subject.set, expected, options), subject.set, expected, () => subject.evidence.strays),
  ),
  toHaveSpanTree: toMatcher('traces', (set, shape: ShapeNode, options?: TreeShapeOptions) =>
    hasSpanTree(set, shape, options),
  ),
  toEventuallyHaveSpan: custom(toEventuallyHaveSpan),
  toHaveNoErrors: toMatcher('traces', (set) => hasNoErrors(set)),
  // A test's live traces, or a collector, also offer the evidence of what lost the context: split-off traces and
  // what the recording taps saw on the wire.
  toBeConnected: toMatcher('live traces', ({ set, evidence }, options?: ConnectedOptions) =>
    isConnected(set, { ...evidence, ...options }),
  ),
  toPropagate: toMatcher('live traces', ({ set, evidence }, hop: PropagationHop) => hasPropagation(set, hop, evidence)),
  toHaveServiceGraph: toMatcher(
    'live traces',
    ({ set, evidence }, edges: readonly EdgeExpectation[], options?: ServiceGraphOptions) =>
      hasServiceGraph(set, edges, { ...evidence, ...options }),
  ),
});

declare module 'vitest' {
  // T is part of vitest's declaration and must be repeated.
  interface Matchers<R, T> extends TraceMatchers<R> {}
}
