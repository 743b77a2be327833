import type { Span } from './Span.ts';
import { type ServiceGraph, serviceGraphOf } from './serviceGraph.ts';

const TRACE_BRAND = Symbol.for('tracespec.Trace');
const EMPTY: readonly Span[] = Object.freeze([]);

/**
 * The spans of one trace id, built into a tree. Roots (no parent id), orphans (a parent id that is not in the
 * trace) and duplicates (a span id seen before) are all kept and visible; nothing is merged or dropped.
 *
 * The tree is held in flat typed arrays (parent index, children as offsets into one list), so that building it
 * for 100k spans costs a few passes over the spans and no per-span objects.
 *
 * @example
 * const [trace] = Trace.build(spans);
 * const root = trace.root;
 * const calls = root ? trace.children(root) : [];
 */
export class Trace {
  /** Brand that survives duplicated module copies (source vs built), used by {@link Trace.is}. */
  readonly [TRACE_BRAND] = true;
  readonly traceId: string;
  /** Every span, in tree order: depth-first, siblings by start time, then name, then span id. */
  readonly spans: readonly Span[];
  /** Spans without a parent id. */
  readonly roots: readonly Span[];
  /** Spans whose parent id is not in this trace (lost context, or a parent not yet received). */
  readonly orphans: readonly Span[];
  /** Spans whose span id was already taken by an earlier span; kept as siblings of the first one. */
  readonly duplicates: readonly Span[];
  /** The top of the tree: roots and orphans, in sibling order. */
  readonly tops: readonly Span[];

  /** Spans as given; every array below is indexed by the position in this array. */
  readonly #input: readonly Span[];
  readonly #byId: Map<string, number>;
  readonly #parent: Int32Array;
  readonly #childStart: Int32Array;
  readonly #childList: Int32Array;
  readonly #position: Int32Array;
  readonly #depth: Int32Array;
  #indexOf: Map<Span, number> | undefined;
  #childCache: (readonly Span[] | undefined)[] | undefined;
  #parentPositions: Int32Array | undefined;
  #subtreeSize: Int32Array | undefined;
  // The trace's bounds, found on first use (a trace never changes; sorting and drawing ask for them often).
  #start: bigint | undefined;
  #end: bigint | undefined;

  private constructor(traceId: string, input: readonly Span[]) {
    this.traceId = traceId;
    this.#input = input;
    const n = input.length;
    const byId = new Map<string, number>();
    const duplicates: Span[] = [];
    let min = input[0]?.startTimeUnixNano ?? 0n;
    for (let i = 0; i < n; i++) {
      const span = input[i] as Span;
      if (byId.has(span.spanId)) duplicates.push(span);
      else byId.set(span.spanId, i);
      if (span.startTimeUnixNano < min) min = span.startTimeUnixNano;
    }
    // Start times relative to the earliest span fit a double exactly (for traces shorter than ~104 days).
    const start = new Float64Array(n);
    for (let i = 0; i < n; i++) start[i] = Number((input[i] as Span).startTimeUnixNano - min);
    const compare = (a: number, b: number) => compareByIndex(input, start, a, b);

    const parent = new Int32Array(n).fill(-1);
    const childCount = new Int32Array(n + 1);
    const tops: number[] = [];
    const roots: Span[] = [];
    const orphans: Span[] = [];
    for (let i = 0; i < n; i++) {
      const span = input[i] as Span;
      const parentId = span.parentSpanId;
      const p = parentId === undefined ? undefined : byId.get(parentId);
      if (p !== undefined && p !== i) {
        parent[i] = p;
        childCount[p] = (childCount[p] as number) + 1;
      } else {
        tops.push(i);
        if (parentId === undefined) roots.push(span);
        else orphans.push(span);
      }
    }
    // Children as one list with offsets (compressed rows), each row sorted in sibling order.
    const childStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) childStart[i + 1] = (childStart[i] as number) + (childCount[i] as number);
    const fill = childStart.slice(0, n);
    const childList = new Int32Array(childStart[n] as number);
    for (let i = 0; i < n; i++) {
      const p = parent[i] as number;
      if (p >= 0) {
        childList[fill[p] as number] = i;
        fill[p] = (fill[p] as number) + 1;
      }
    }
    for (let p = 0; p < n; p++) {
      const from = childStart[p] as number;
      const to = childStart[p + 1] as number;
      if (to - from > 1) childList.subarray(from, to).sort(compare);
    }
    tops.sort(compare);

    const position = new Int32Array(n).fill(-1);
    const depth = new Int32Array(n);
    const order: Span[] = [];
    const walk = (top: number) => {
      const stack = [top];
      depth[top] = 0;
      while (stack.length > 0) {
        const i = stack.pop() as number;
        if ((position[i] as number) >= 0) continue;
        position[i] = order.length;
        order.push(input[i] as Span);
        const d = (depth[i] as number) + 1;
        for (let c = (childStart[i + 1] as number) - 1; c >= (childStart[i] as number); c--) {
          const child = childList[c] as number;
          depth[child] = d;
          stack.push(child);
        }
      }
    };
    for (const top of tops) walk(top);
    // A parent cycle (a -> b -> a) has no top; keep those spans visible as orphans instead of losing them.
    if (order.length < n) {
      for (let i = 0; i < n; i++) {
        if ((position[i] as number) >= 0) continue;
        parent[i] = -1;
        tops.push(i);
        orphans.push(input[i] as Span);
        walk(i);
      }
    }
    roots.sort((a, b) => compare(byId.get(a.spanId) ?? 0, byId.get(b.spanId) ?? 0));
    orphans.sort(
      (a, b) => (position[indexIn(input, a, byId)] as number) - (position[indexIn(input, b, byId)] as number),
    );

    this.#start = min;
    this.#byId = byId;
    this.#parent = parent;
    this.#childStart = childStart;
    this.#childList = childList;
    this.#position = position;
    this.#depth = depth;
    this.spans = order;
    this.tops = tops.map((i) => input[i] as Span);
    this.roots = roots;
    this.orphans = orphans;
    this.duplicates = duplicates;
  }

  /**
   * Groups spans by trace id and builds one {@link Trace} per id, ordered by start time, then trace id.
   *
   * @example
   * const [trace] = Trace.build(exporter.getFinishedSpans().map((s) => fromReadableSpan(s)));
   */
  static build(spans: Iterable<Span>): Trace[] {
    const groups = new Map<string, Span[]>();
    for (const span of spans) {
      const group = groups.get(span.traceId);
      if (group) group.push(span);
      else groups.set(span.traceId, [span]);
    }
    const traces: Trace[] = [];
    for (const [traceId, group] of groups) traces.push(new Trace(traceId, group));
    return traces.sort(compareTraces);
  }

  /** Sorts traces by start time, then trace id (the order of {@link TraceSet}). */
  static sort(traces: Trace[]): Trace[] {
    return traces.sort(compareTraces);
  }

  /**
   * Builds the trace of spans that all share one trace id.
   *
   * @example
   * const trace = Trace.of(spans);
   */
  static of(spans: readonly Span[]): Trace {
    const first = spans[0];
    if (first === undefined) throw new Error('[tracespec] Trace.of() needs at least one span.');
    const other = spans.find((span) => span.traceId !== first.traceId);
    if (other) {
      throw new Error(
        `[tracespec] Trace.of() got spans of two traces (${first.traceId} and ${other.traceId}); use Trace.build() to group spans by trace id.`,
      );
    }
    return new Trace(first.traceId, spans);
  }

  /** True for a {@link Trace}, also one created by another copy of this module. */
  static is(value: unknown): value is Trace {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[TRACE_BRAND] === true;
  }

  /** The single root when the trace has exactly one root and no orphans, else `undefined`. */
  get root(): Span | undefined {
    return this.roots.length === 1 && this.orphans.length === 0 ? this.roots[0] : undefined;
  }

  get size(): number {
    return this.spans.length;
  }

  /** The earliest start of any span, in nanoseconds since the epoch. */
  get startTimeUnixNano(): bigint {
    if (this.#start !== undefined) return this.#start;
    let min: bigint | undefined;
    for (const span of this.spans) if (min === undefined || span.startTimeUnixNano < min) min = span.startTimeUnixNano;
    this.#start = min ?? 0n;
    return this.#start;
  }

  /** The latest end of any span, in nanoseconds since the epoch. */
  get endTimeUnixNano(): bigint {
    if (this.#end !== undefined) return this.#end;
    let max: bigint | undefined;
    for (const span of this.spans) if (max === undefined || span.endTimeUnixNano > max) max = span.endTimeUnixNano;
    this.#end = max ?? 0n;
    return this.#end;
  }

  /** From the earliest start to the latest end. */
  get durationNano(): bigint {
    return this.endTimeUnixNano - this.startTimeUnixNano;
  }

  /** The span with this id (the first one, when the id is duplicated). */
  get(spanId: string): Span | undefined {
    const i = this.#byId.get(spanId);
    return i === undefined ? undefined : this.#input[i];
  }

  /** True when the span belongs to this trace (by identity). */
  has(span: Span): boolean {
    return this.#index(span) !== undefined;
  }

  parent(span: Span): Span | undefined {
    const i = this.#index(span);
    const p = i === undefined ? -1 : (this.#parent[i] as number);
    return p >= 0 ? this.#input[p] : undefined;
  }

  /** Direct children in sibling order. */
  children(span: Span): readonly Span[] {
    const i = this.#index(span);
    if (i === undefined) return EMPTY;
    const from = this.#childStart[i] as number;
    const to = this.#childStart[i + 1] as number;
    if (from === to) return EMPTY;
    this.#childCache ??= [];
    let cached = this.#childCache[i];
    if (cached === undefined) {
      const list: Span[] = [];
      for (let c = from; c < to; c++) {
        const child = this.#childList[c] as number;
        // A span cut out of a parent cycle became a top: it is no longer its former parent's child.
        if (this.#parent[child] === i) list.push(this.#input[child] as Span);
      }
      cached = list;
      this.#childCache[i] = cached;
    }
    return cached;
  }

  /** Parent first, then its parent, up to the top of the tree. */
  ancestors(span: Span): readonly Span[] {
    const result: Span[] = [];
    const i = this.#index(span);
    if (i === undefined) return result;
    for (let p = this.#parent[i] as number; p >= 0; p = this.#parent[p] as number) result.push(this.#input[p] as Span);
    return result;
  }

  /** Every span below this one, in tree order. */
  descendants(span: Span): readonly Span[] {
    const i = this.#index(span);
    if (i === undefined) return EMPTY;
    // Tree order is depth-first: a span's descendants are the positions right after it.
    const at = this.#position[i] as number;
    return this.spans.slice(at + 1, at + (this.#subtreeSizes()[at] as number));
  }

  /**
   * How many spans are below this one (its descendants), without listing them.
   *
   * @example
   * const hidden = trace.descendantCount(span); // spans a renderer leaves out when it skips the subtree
   */
  descendantCount(span: Span): number {
    const i = this.#index(span);
    return i === undefined ? 0 : (this.#subtreeSizes()[this.#position[i] as number] as number) - 1;
  }

  /** 0 for the top of the tree (roots and orphans). */
  depth(span: Span): number {
    const i = this.#index(span);
    return i === undefined ? 0 : (this.#depth[i] as number);
  }

  /** The position of the span in {@link Trace.spans} (tree order), or -1. */
  indexOf(span: Span): number {
    const i = this.#index(span);
    return i === undefined ? -1 : (this.#position[i] as number);
  }

  /**
   * For each position in {@link Trace.spans} (tree order), the position of its parent, or -1 for the top of the
   * tree: the flat form of the tree, for code that walks many spans (the selector evaluator).
   *
   * @example
   * const up = trace.parentPositions();
   * const parentOfThird = up[2] === -1 ? undefined : trace.spans[up[2]];
   */
  parentPositions(): Int32Array {
    if (this.#parentPositions) return this.#parentPositions;
    const result = new Int32Array(this.spans.length).fill(-1);
    for (let i = 0; i < this.#input.length; i++) {
      const at = this.#position[i] as number;
      const p = this.#parent[i] as number;
      if (at >= 0 && p >= 0) result[at] = this.#position[p] as number;
    }
    this.#parentPositions = result;
    return result;
  }

  /**
   * The services of this trace and the calls between them (an edge wherever a parent is in another service).
   *
   * @example
   * trace.serviceGraph().edges; // [{ from: 'gateway', to: 'orders', calls: 1, errors: 0 }]
   */
  serviceGraph(): ServiceGraph {
    return serviceGraphOf(this.spans, (span) => this.parent(span));
  }

  /** For each position in tree order, the number of spans in the subtree it heads (itself included). */
  #subtreeSizes(): Int32Array {
    if (this.#subtreeSize) return this.#subtreeSize;
    const up = this.parentPositions();
    const sizes = new Int32Array(up.length).fill(1);
    // Children come after their parent: walking backwards, a subtree is complete before its parent is reached.
    for (let at = up.length - 1; at >= 0; at--) {
      const p = up[at] as number;
      if (p >= 0) sizes[p] = (sizes[p] as number) + (sizes[at] as number);
    }
    this.#subtreeSize = sizes;
    return sizes;
  }

  /** Index of a span object in the input; the lookup table is built on first use, not while building the tree. */
  #index(span: Span): number | undefined {
    const byId = this.#byId.get(span.spanId);
    if (byId !== undefined && this.#input[byId] === span) return byId;
    if (this.#indexOf === undefined) {
      this.#indexOf = new Map();
      for (let i = 0; i < this.#input.length; i++) this.#indexOf.set(this.#input[i] as Span, i);
    }
    return this.#indexOf.get(span);
  }
}

function indexIn(input: readonly Span[], span: Span, byId: Map<string, number>): number {
  const i = byId.get(span.spanId);
  return i !== undefined && input[i] === span ? i : input.indexOf(span);
}

function compareByIndex(input: readonly Span[], start: Float64Array, a: number, b: number): number {
  const d = (start[a] as number) - (start[b] as number);
  if (d !== 0) return d;
  const x = input[a] as Span;
  const y = input[b] as Span;
  if (x.name !== y.name) return x.name < y.name ? -1 : 1;
  if (x.spanId !== y.spanId) return x.spanId < y.spanId ? -1 : 1;
  return a - b;
}

function compareTraces(a: Trace, b: Trace): number {
  const sa = a.startTimeUnixNano;
  const sb = b.startTimeUnixNano;
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.traceId < b.traceId ? -1 : a.traceId > b.traceId ? 1 : 0;
}
