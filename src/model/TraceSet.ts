import type { Span } from './Span.ts';
import { type ServiceGraph, serviceGraphOf } from './serviceGraph.ts';
import { Trace } from './Trace.ts';

const SET_BRAND = Symbol.for('tracespec.TraceSet');

/**
 * The traces one test (or one collector, or one file) produced, ordered by start time, then trace id.
 *
 * @example
 * const set = TraceSet.fromSpans(spans);
 * for (const trace of set) console.log(trace.traceId, trace.size);
 * const checkout = set.only(); // exactly one trace, else a clear error
 */
export class TraceSet implements Iterable<Trace> {
  readonly [SET_BRAND] = true;
  readonly traces: readonly Trace[];
  readonly #byId: Map<string, Trace>;

  constructor(traces: readonly Trace[]) {
    this.traces = traces;
    this.#byId = new Map(traces.map((trace) => [trace.traceId, trace]));
  }

  /** Groups spans by trace id into traces. */
  static fromSpans(spans: Iterable<Span>): TraceSet {
    return new TraceSet(Trace.build(spans));
  }

  /** True for a {@link TraceSet}, also one created by another copy of this module. */
  static is(value: unknown): value is TraceSet {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SET_BRAND] === true;
  }

  /** Number of traces. */
  get size(): number {
    return this.traces.length;
  }

  /** Every span of every trace, trace by trace, each in tree order. */
  get spans(): readonly Span[] {
    return this.traces.flatMap((trace) => trace.spans);
  }

  /**
   * The service graph of all traces together.
   *
   * @example
   * set.serviceGraph().services; // ['gateway', 'inventory', 'orders']
   */
  serviceGraph(): ServiceGraph {
    return serviceGraphOf(this.spans, (span) => this.traceOf(span)?.parent(span));
  }

  /** The trace with this id. */
  get(traceId: string): Trace | undefined {
    return this.#byId.get(traceId);
  }

  /** The trace that holds this span (by identity). */
  traceOf(span: Span): Trace | undefined {
    const trace = this.#byId.get(span.traceId);
    return trace?.has(span) ? trace : undefined;
  }

  /** The single trace; throws a clear error when there are none or several. */
  only(): Trace {
    const [first, second] = this.traces;
    if (first !== undefined && second === undefined) return first;
    if (first === undefined) {
      throw new Error(
        '[tracespec] expected exactly one trace, but no span was recorded. Is tracing set up, and did the code under test run?',
      );
    }
    const list = this.traces.map(
      (trace) => `  ${trace.traceId} (${trace.size} spans, root: ${trace.root?.name ?? 'none'})`,
    );
    throw new Error(
      `[tracespec] expected exactly one trace, found ${this.traces.length}:\n${list.join('\n')}\nPick one with .get(traceId) or .traces[i].`,
    );
  }

  [Symbol.iterator](): Iterator<Trace> {
    return this.traces[Symbol.iterator]();
  }
}
