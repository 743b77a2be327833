import type { CountOptions } from '../check/countExpectation.ts';
import type { EdgeExpectation, ServiceGraphOptions } from '../check/hasServiceGraph.ts';
import type { ConnectedOptions } from '../check/isConnected.ts';
import type { PropagationHop } from '../check/propagates.ts';
import type {
  AttributeMatcher,
  EventExpectation,
  SpanExpectation,
  StatusExpectation,
} from '../check/SpanExpectation.ts';
import type { Span } from '../model/Span.ts';

/** tracespec's matchers as vitest sees them (`expect(x).toHaveSpan(...)`); `R` is `Promise<void>` under `expect.poll`. */
export interface TracespecMatchers<R = unknown> {
  /**
   * The traces hold a span matching the partial span (by default at least one).
   *
   * @example
   * expect(traces).toHaveSpan({ name: 'GET /orders/:id', kind: 'server', attributes: { 'http.response.status_code': 200 } });
   * expect(traces).toHaveSpan({ kind: 'client' }, { times: 2 });
   */
  toHaveSpan(expected: SpanExpectation, options?: CountOptions): R;
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
   * The span's parent matches the partial span, or is the given span.
   *
   * @example
   * expect(serverSpan).toHaveParent({ kind: 'client' });
   */
  toHaveParent(parent: SpanExpectation | Span): R;
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
  interface Matchers<R, T> extends TracespecMatchers<R> {}
}
