import type { CountOptions } from '../check/expectation/countExpectation.ts';
import type {
  AttributeMatcher,
  EventExpectation,
  SpanExpectation,
  StatusExpectation,
} from '../check/expectation/SpanExpectation.ts';
import type { PropagationHop } from '../check/trace/hasPropagation.ts';
import type { EdgeExpectation, ServiceGraphOptions } from '../check/trace/hasServiceGraph.ts';
import type { ConnectedOptions } from '../check/trace/isConnected.ts';
import type { ShapeNode, TreeShapeOptions } from '../check/trace/shape/SpanShape.ts';
import type { Span } from '../model/Span.ts';
import type { EventuallyOptions } from './matchers/eventually.ts';
import type { TimingMatchers } from './timingAugment.ts';

/** tracespec's matchers as vitest sees them (`expect(x).toHaveSpan(...)`); `R` is `Promise<void>` under `expect.poll`. */
export interface TracespecMatchers<R = unknown> {
  /**
   * The traces hold a span matching the partial span or the selector (by default at least one).
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
  /**
   * The spans form one connected trace: one trace id, one root, every parent present. A failure names each hop
   * that lost context and the client span that should have been the parent.
   *
   * @example
   * expect(collector.traces()).toBeConnected();
   */
  toBeConnected(options?: ConnectedOptions): R;
  /**
   * A client (or producer) span in `from` is the parent of a server (or consumer) span in `to`.
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

declare module 'vitest' {
  // T is part of vitest's declaration and must be repeated.
  interface Matchers<R, T> extends TracespecMatchers<R>, TimingMatchers<R> {}
}
