import type { PropagationEvidence } from '../check/trace/lostContext/PropagationEvidence.ts';
import type { Span } from '../model/Span.ts';
import type { Trace } from '../model/Trace.ts';
import { TraceSet } from '../model/TraceSet.ts';
import { find } from '../query/find.ts';
import { findOne } from '../query/findOne.ts';
import type { SelectorLike } from '../query/toSelector.ts';
import { renderTraces } from '../render/renderTraces.ts';
import type { SpanStore } from './SpanStore.ts';

/** Room around a test's traces, in ns, for the clock skew between processes when looking for what lost context. */
const SKEW_ROOM = 50_000_000n;

/**
 * A live view of the traces that belong to one test: every read sees the spans recorded so far. This is what the
 * `traces` fixture (and `traces()` of the setup-file form) gives a test; pass it to any trace matcher. It reads
 * like a {@link TraceSet} (`traces`, `spans`, `size`, `get`, `only`, `find`, `findOne`, iteration); `traceSet()`
 * is a fixed copy.
 *
 * @example
 * test('checkout', async ({ traces }) => {
 *   await fetch(`${url}/checkout`, { method: 'POST' });
 *   expect(traces).toHaveSpan({ name: 'POST /checkout', kind: 'server' });
 *   const trace = traces.only();
 * });
 */
export class TestTraces {
  readonly #store: SpanStore;
  /** The test's scope id (vitest's task id). */
  readonly scope: string;

  constructor(store: SpanStore, scope: string) {
    this.#store = store;
    this.scope = scope;
  }

  /** The test's traces as they are now. */
  traceSet(): TraceSet {
    return this.#store.traceSet({ scope: this.scope });
  }

  /**
   * Traces that no test claimed and that ran while this test's traces did: where a service that lost the context
   * of the test's call went on recording. `toBeConnected` searches them for the hop that lost context.
   *
   * @example
   * const lost = traces.strays();
   */
  strays(): TraceSet {
    return this.evidence().strays ?? new TraceSet([]);
  }

  /**
   * What the propagation checks read for this test: its traces; the traces nobody claimed and those of other
   * tests that ran while its traces did (a split-off trace is the test's only by evidence, and never claimed when a
   * concurrent test has as much claim); and what the recording taps saw in that time.
   *
   * @example
   * const { wire } = traces.evidence();
   * wire?.filter((hop) => hop.to === 'inventory'); // the requests into inventory, with their headers
   */
  evidence(): PropagationEvidence {
    const own = this.traceSet();
    if (own.size === 0) return { traces: own };
    let start = own.traces[0]?.startTimeUnixNano ?? 0n;
    let end = 0n;
    for (const trace of own) {
      if (trace.startTimeUnixNano < start) start = trace.startTimeUnixNano;
      if (trace.endTimeUnixNano > end) end = trace.endTimeUnixNano;
    }
    // Calls that lost their context start inside the test's traces; a little room for clock skew between processes.
    const window = { from: start - SKEW_ROOM, to: end + SKEW_ROOM };
    const overlaps = (trace: Trace) => trace.startTimeUnixNano <= window.to && trace.endTimeUnixNano >= window.from;
    const strays: Trace[] = [];
    const others: Trace[] = [];
    for (const trace of this.#store.traceSet().traces) {
      if (own.get(trace.traceId) || !overlaps(trace)) continue;
      const owner = this.#store.ownerOf(trace.traceId);
      if (owner === undefined) strays.push(trace);
      else if (owner !== this.scope) others.push(trace);
    }
    // A test still running beside this one may have no span ended yet, only open ones.
    const running = this.#store.openSpans().some((span) => {
      const owner = this.#store.ownerOf(span.spanContext().traceId);
      return owner !== undefined && owner !== this.scope;
    });
    return {
      traces: own,
      strays: new TraceSet(strays),
      others: new TraceSet(others),
      otherTraceIds: this.#store.traceIdsNotOf(this.scope),
      concurrentTests:
        running || others.some((trace) => trace.startTimeUnixNano < end && trace.endTimeUnixNano > start),
      wire: this.#store.wire(window),
    };
  }

  /** The test's traces as they are now, ordered by start time (as `TraceSet.traces`). */
  get traces(): readonly Trace[] {
    return this.traceSet().traces;
  }

  /** The same as {@link TestTraces.traces}. */
  get all(): readonly Trace[] {
    return this.traces;
  }

  /**
   * The test's trace with this id, if it has one (as `TraceSet.get`).
   *
   * @example
   * const trace = traces.get(span.traceId);
   */
  get(traceId: string): Trace | undefined {
    return this.traceSet().get(traceId);
  }

  /** The test's traces, ordered by start time: `for (const trace of traces)`. */
  [Symbol.iterator](): Iterator<Trace> {
    return this.traces[Symbol.iterator]();
  }

  /** Every span of the test, trace by trace, in tree order. */
  get spans(): readonly Span[] {
    return this.traceSet().spans;
  }

  /** Number of traces. */
  get size(): number {
    return this.traceSet().size;
  }

  /**
   * The test's traces as trees, under a line that counts them; what `console.log(traces)` prints.
   *
   * @example
   * console.log(`${traces}`);
   * // TestTraces: 1 trace, 2 spans
   * // trace 4bf92f3577b34da6a3ce929d0e0e4736 (2 spans)
   * //   orders server "GET /orders/:id" 12ms
   * //   └─ orders client "SELECT orders" 3.1ms
   */
  toString(): string {
    const set = this.traceSet();
    const spans = set.spans.length;
    const count = `${set.size} trace${set.size === 1 ? '' : 's'}, ${spans} span${spans === 1 ? '' : 's'}`;
    return set.size === 0 ? 'TestTraces: no spans yet' : `TestTraces: ${count}\n${renderTraces(set)}`;
  }

  /** `console.log(traces)` and vitest's console show the trees ({@link TestTraces.toString}), not the view's fields. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  /** The test's single trace; a clear error when there are none or several. */
  only(): Trace {
    return this.traceSet().only();
  }

  /**
   * Every span of the test that matches a selector, trace by trace, in tree order.
   *
   * @example
   * const queries = traces.find('[service=orders] > [db.system=postgresql]');
   */
  find(selector: SelectorLike): Span[] {
    return find(this.traceSet(), selector);
  }

  /**
   * The one span of the test that matches a selector; throws, listing the matches or the closest spans, otherwise.
   *
   * @example
   * const charge = traces.findOne('"POST /charge"[kind=server]');
   */
  findOne(selector: SelectorLike): Span {
    return findOne(this.traceSet(), selector);
  }
}
