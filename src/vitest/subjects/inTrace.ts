import { isSpan } from '../../model/isSpan.ts';
import type { Span } from '../../model/Span.ts';
import { Trace } from '../../model/Trace.ts';
import { TraceSet } from '../../model/TraceSet.ts';
import { traceOf } from '../../model/traceOf.ts';
import { describeSpan } from '../../render/describeSpan.ts';

const IN_TRACE = Symbol.for('tracespec.inTrace');

/**
 * A span (or spans) handed to a matcher together with the traces it belongs to; made by {@link inTrace}.
 *
 * @example
 * const subject: InTrace<Span> = inTrace(query, trace);
 */
export interface InTrace<T extends Span | readonly Span[]> {
  readonly [IN_TRACE]: true;
  readonly spans: T;
  readonly traces: TraceSet;
}

/**
 * Gives span matchers the trace a span belongs to, for spans that are not among the test's recorded spans (a
 * trace built by hand, read from a file, or received by a collector with a store of its own). Matchers that read
 * the tree need it: `toHaveParent` with a partial span or a selector, `toBeWithinParent`, the order matchers
 * given a partial span; the others use it to draw the span in its tree. The test's own spans need no `inTrace`:
 * their traces are found in the test's store.
 *
 * @example
 * const [trace] = Trace.build(spans);
 * expect(inTrace(query, trace)).toHaveParent({ name: 'GET /orders' });
 * expect(inTrace([stock, price], trace)).toRunInParallel();
 */
export function inTrace<T extends Span | readonly Span[]>(spans: T, traces: Trace | TraceSet): InTrace<T> {
  const set = Trace.is(traces) ? new TraceSet([traces]) : traces;
  if (!TraceSet.is(set)) {
    throw new TypeError('[tracespec] inTrace(span, trace): the second argument must be a Trace or a TraceSet.');
  }
  for (const span of Array.isArray(spans) ? (spans as readonly Span[]) : [spans as Span]) {
    if (!isSpan(span)) {
      throw new TypeError(
        '[tracespec] inTrace(span, trace): the first argument must be a recorded span or an array of them.',
      );
    }
    if (traceOf(set, span) === undefined) {
      throw new TypeError(
        `[tracespec] inTrace(span, trace): ${describeSpan(span)} is not in the trace given. Pass the trace it was built into.`,
      );
    }
  }
  return { [IN_TRACE]: true, spans, traces: set };
}

/** True for what {@link inTrace} made. */
export function isInTrace(value: unknown): value is InTrace<Span | readonly Span[]> {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[IN_TRACE] === true;
}
