import { fromReadableSpan } from '../model/fromReadableSpan.ts';
import type { ReadableSpanLike } from '../model/ReadableSpanLike.ts';
import type { Span } from '../model/Span.ts';
import { Trace } from '../model/Trace.ts';
import { TraceSet } from '../model/TraceSet.ts';
import type { WireRecord } from '../model/WireRecord.ts';
import { isOwnTraffic, isRunnerSpan } from './ownTraffic.ts';

/** Owner suffix of the traces of a finished test. */
const RETIRED = '#retired';
/** How long, and how many, traces of finished tests are kept for the tests still running beside them. */
const RETIRED_FOR_MS = 30_000;
const RETIRED_AT_MOST = 2_000;

/** Called after spans were added to a {@link SpanStore}. */
export type StoreListener = (added: number) => void;

/**
 * The one place every received span ends up: the in-process recorder and the network receivers write here, the
 * matchers read from here. Spans are grouped by trace id; a trace id can be claimed by a scope (a test), and then
 * every span of that trace belongs to that scope, whichever process recorded it.
 *
 * In-process spans are kept as the SDK's own objects and converted on first read, so recording costs one push.
 *
 * @example
 * const store = new SpanStore();
 * store.add(span);
 * const traces = store.traceSet();
 */
export class SpanStore {
  #pending: ReadableSpanLike[] = [];
  readonly #byTrace = new Map<string, Span[]>();
  readonly #owners = new Map<string, string>();
  readonly #listeners = new Set<StoreListener>();
  readonly #cache = new Map<string, { version: number; trace: Trace }>();
  readonly #traceVersion = new Map<string, number>();
  readonly #traceArrival = new Map<string, number>();
  #wire: WireRecord[] = [];
  /** Traces of finished tests, kept for a while (see {@link SpanStore.clear}): trace id -> when retired. */
  readonly #retired = new Map<string, number>();
  /** Span ids of the test runner's own spans that were left out; their children count as roots. */
  readonly #runnerSpans = new Set<string>();
  #count = 0;
  #version = 0;
  #lastArrival = 0;

  /** Increases with every added span; cheap way to see that something changed. */
  get version(): number {
    return this.#version;
  }

  /**
   * `performance.now()` of the last span added while someone was subscribed (received spans always count); 0
   * before the first.
   */
  get lastArrival(): number {
    return this.#lastArrival;
  }

  /** Number of ended spans held. */
  get size(): number {
    this.#flush();
    return this.#count;
  }

  /**
   * Takes an SDK span when it starts, without converting it (the recorder's hot path: one push). It becomes
   * visible once it has ended ({@link SpanStore.markEnded}); until then it is one of the open spans.
   */
  addStarted(span: ReadableSpanLike): void {
    if (isRunnerSpan(span)) this.#rememberRunnerSpan(span.spanContext().spanId);
    else this.#pending.push(span);
  }

  /** Tells the store that one of the spans it took at start has ended. */
  markEnded(): void {
    this.#version++;
    // Reading the clock costs more than the rest; only waiters need the arrival time.
    if (this.#listeners.size > 0) {
      this.#lastArrival = performance.now();
      this.#notify(1);
    }
  }

  /** Adds an ended SDK span without converting it yet. */
  addReadable(span: ReadableSpanLike): void {
    this.#pending.push(span);
    this.markEnded();
  }

  /** SDK spans taken at start that have not ended, all or those of the traces of one scope. */
  openSpans(filter: { scope?: string } = {}): ReadableSpanLike[] {
    return this.#pending.filter(
      (span) =>
        !span.ended && (filter.scope === undefined || this.#owners.get(span.spanContext().traceId) === filter.scope),
    );
  }

  /** Forgets open spans (after they were reported), all or those of one scope; if they end later they are dropped. */
  forgetOpen(filter: { scope?: string } = {}): void {
    const forget = new Set(this.openSpans(filter));
    if (forget.size > 0) this.#pending = this.#pending.filter((span) => !forget.has(span));
  }

  /** Adds converted spans (the receivers' path). */
  add(...spans: Span[]): void {
    this.addAll(spans);
  }

  /** Adds converted spans (the receivers' path). */
  addAll(spans: readonly Span[]): void {
    if (spans.length === 0) return;
    const now = performance.now();
    for (const span of spans) this.#put(span, now);
    this.#version++;
    this.#lastArrival = now;
    if (this.#listeners.size > 0) this.#notify(spans.length);
  }

  /**
   * Adds what a recording tap saw on the wire between two services (see `TracedEnvironment`): the evidence the
   * propagation checks read beside the spans. Only the latest 100,000 records are kept.
   */
  addWire(record: WireRecord): void {
    this.#wire.push(record);
    if (this.#wire.length > 100_000) this.#wire = this.#wire.slice(-50_000);
    this.#version++;
    if (this.#listeners.size > 0) this.#notify(0);
  }

  /**
   * The wire records held, all of them or those that overlap a time window (start and end in Unix nanoseconds).
   *
   * @example
   * const calls = store.wire({ from: trace.startTimeUnixNano, to: trace.endTimeUnixNano });
   */
  wire(window?: { readonly from: bigint; readonly to: bigint }): readonly WireRecord[] {
    if (window === undefined) return [...this.#wire];
    return this.#wire.filter((record) => record.endUnixNano >= window.from && record.startUnixNano <= window.to);
  }

  /** `performance.now()` when the last span of this trace was received over the network, if it was. */
  lastArrivalOf(traceId: string): number | undefined {
    return this.#traceArrival.get(traceId);
  }

  /** Gives a trace id to a scope (a test); the first claim wins. Returns the owner. */
  claim(traceId: string, scope: string): string {
    const owner = this.#owners.get(traceId);
    if (owner !== undefined) return owner;
    this.#owners.set(traceId, scope);
    return scope;
  }

  /** The scope that claimed this trace id, if any. */
  ownerOf(traceId: string): string | undefined {
    return this.#owners.get(traceId);
  }

  /**
   * Every trace id claimed by a scope other than `scope` (tests running beside it, or finished a moment ago), spans
   * or not: a test whose request is still on its way has claimed its trace before any span of it ended.
   *
   * @example
   * const theirs = store.traceIdsNotOf(testId);
   */
  traceIdsNotOf(scope: string): Set<string> {
    const ids = new Set<string>();
    for (const [traceId, owner] of this.#owners) if (owner !== scope) ids.add(traceId);
    return ids;
  }

  /** The trace ids claimed by a scope. */
  traceIdsOf(scope: string): string[] {
    const ids: string[] = [];
    for (const [traceId, owner] of this.#owners) if (owner === scope) ids.push(traceId);
    return ids;
  }

  /** Every span, converted. */
  spans(): Span[] {
    this.#flush();
    const all: Span[] = [];
    for (const group of this.#byTrace.values()) for (const span of group) all.push(span);
    return all;
  }

  /** The spans of one trace id. */
  spansOf(traceId: string): readonly Span[] {
    this.#flush();
    return this.#byTrace.get(traceId) ?? [];
  }

  /** The trace with this id, built once per change. */
  trace(traceId: string): Trace | undefined {
    this.#flush();
    const spans = this.#byTrace.get(traceId);
    if (spans === undefined) return undefined;
    const version = this.#traceVersion.get(traceId) ?? 0;
    const cached = this.#cache.get(traceId);
    if (cached && cached.version === version) return cached.trace;
    const trace = Trace.of(spans);
    this.#cache.set(traceId, { version, trace });
    return trace;
  }

  /**
   * The traces held: all of them, those of one scope (a test), or those no scope claimed (`unowned`), such as a
   * trace a service started because the context of the call did not reach it.
   *
   * @example
   * const mine = store.traceSet({ scope: testId });
   */
  traceSet(filter: { scope?: string; unowned?: boolean } = {}): TraceSet {
    this.#flush();
    const ids =
      filter.scope !== undefined
        ? this.traceIdsOf(filter.scope)
        : filter.unowned
          ? [...this.#byTrace.keys()].filter((id) => !this.#owners.has(id))
          : [...this.#byTrace.keys()];
    const traces: Trace[] = [];
    for (const id of ids) {
      const trace = this.trace(id);
      if (trace) traces.push(trace);
    }
    return new TraceSet(Trace.sort(traces));
  }

  /**
   * Forgets the traces of a scope (a test that ended), or everything. A scope's traces are retired rather than
   * dropped at once: for 30 s (at most 2,000 traces) they stay known as a finished test's, so that tests still
   * running beside it never take its split-off traces for their own; then they are dropped.
   */
  clear(filter: { scope?: string } = {}): void {
    if (filter.scope === undefined) {
      this.#pending = [];
      this.#byTrace.clear();
      this.#owners.clear();
      this.#cache.clear();
      this.#traceVersion.clear();
      this.#traceArrival.clear();
      this.#runnerSpans.clear();
      this.#retired.clear();
      this.#wire = [];
      this.#count = 0;
      return;
    }
    this.#flush();
    this.forgetOpen(filter);
    // A finished test's traces stay a little while under a retired owner: tests still running beside it must know
    // them as another test's (a split-off trace that may be theirs), and its next attempt must not see them.
    const now = performance.now();
    for (const traceId of this.traceIdsOf(filter.scope)) {
      this.#owners.set(traceId, `${filter.scope}${RETIRED}`);
      this.#retired.set(traceId, now);
    }
    for (const [traceId, since] of this.#retired) {
      if (now - since < RETIRED_FOR_MS && this.#retired.size <= RETIRED_AT_MOST) break;
      this.#forget(traceId);
    }
  }

  #forget(traceId: string): void {
    this.#count -= this.#byTrace.get(traceId)?.length ?? 0;
    this.#byTrace.delete(traceId);
    this.#owners.delete(traceId);
    this.#cache.delete(traceId);
    this.#traceVersion.delete(traceId);
    this.#traceArrival.delete(traceId);
    this.#retired.delete(traceId);
  }

  /** Listens for added spans; returns the function that stops listening. */
  subscribe(listener: StoreListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #put(span: Span, arrival?: number): void {
    if (arrival !== undefined) this.#traceArrival.set(span.traceId, arrival);
    const group = this.#byTrace.get(span.traceId);
    if (group) group.push(span);
    else this.#byTrace.set(span.traceId, [span]);
    this.#traceVersion.set(span.traceId, (this.#traceVersion.get(span.traceId) ?? 0) + 1);
    this.#count++;
  }

  #flush(): void {
    if (this.#pending.length === 0) return;
    const pending = this.#pending;
    this.#pending = [];
    for (const raw of pending) {
      if (!raw.ended) this.#pending.push(raw);
      else if (!isOwnTraffic(raw)) this.#put(this.#withoutRunnerParent(fromReadableSpan(raw)));
    }
  }

  #rememberRunnerSpan(spanId: string): void {
    this.#runnerSpans.add(spanId);
    // Runner spans only matter to the spans started under them, recorded moments later: keep the latest few.
    if (this.#runnerSpans.size > 10_000) {
      const oldest = this.#runnerSpans.values().next().value;
      if (oldest !== undefined) this.#runnerSpans.delete(oldest);
    }
  }

  #withoutRunnerParent(span: Span): Span {
    if (span.parentSpanId === undefined || !this.#runnerSpans.has(span.parentSpanId)) return span;
    const { parentSpanId: _runnerSpan, ...root } = span;
    return root;
  }

  #notify(added: number): void {
    for (const listener of this.#listeners) listener(added);
  }
}
