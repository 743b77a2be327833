import { compareSpans } from './compareSpans.ts';
import type { Span } from './Span.ts';
import { type ServiceGraph, serviceGraphOf } from './serviceGraph.ts';

const TRACE_BRAND = Symbol.for('tracespec.Trace');
const EMPTY: readonly Span[] = Object.freeze([]);
/** The latest trace each span was built into, so that a span matcher can show the span in its tree. */
const TRACE_OF = new WeakMap<Span, Trace>();

/**
 * The spans of one trace id, built into a tree. Roots (no parent id), orphans (a parent id that is not in the
 * trace) and duplicates (a span id seen before) are all kept and visible; nothing is merged or dropped.
 *
 * @example
 * const trace = Trace.build(spans);
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

  readonly #byId = new Map<string, Span>();
  readonly #children = new Map<Span, Span[]>();
  readonly #parent = new Map<Span, Span>();
  readonly #position = new Map<Span, number>();
  readonly #depth = new Map<Span, number>();

  private constructor(traceId: string, spans: readonly Span[]) {
    this.traceId = traceId;
    const duplicates: Span[] = [];
    for (const span of spans) {
      if (this.#byId.has(span.spanId)) duplicates.push(span);
      else this.#byId.set(span.spanId, span);
    }
    const roots: Span[] = [];
    const orphans: Span[] = [];
    const tops: Span[] = [];
    for (const span of spans) {
      const parentId = span.parentSpanId;
      const parent = parentId === undefined ? undefined : this.#byId.get(parentId);
      if (parent !== undefined && parent !== span) {
        this.#parent.set(span, parent);
        const siblings = this.#children.get(parent);
        if (siblings) siblings.push(span);
        else this.#children.set(parent, [span]);
        continue;
      }
      if (parentId === undefined) roots.push(span);
      else orphans.push(span);
      tops.push(span);
    }
    for (const list of this.#children.values()) list.sort(compareSpans);
    tops.sort(compareSpans);
    roots.sort(compareSpans);
    orphans.sort(compareSpans);
    this.roots = roots;
    this.orphans = orphans;
    this.duplicates = duplicates;
    this.tops = tops;
    this.spans = this.#walk(tops, spans.length);
    for (const span of this.spans) TRACE_OF.set(span, this);
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

  /**
   * The most recently built trace that holds this span, if any.
   *
   * @example
   * const trace = Trace.containing(span);
   * const parent = trace?.parent(span);
   */
  static containing(span: Span): Trace | undefined {
    return TRACE_OF.get(span);
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
    let min: bigint | undefined;
    for (const span of this.spans) if (min === undefined || span.startTimeUnixNano < min) min = span.startTimeUnixNano;
    return min ?? 0n;
  }

  /** The latest end of any span, in nanoseconds since the epoch. */
  get endTimeUnixNano(): bigint {
    let max: bigint | undefined;
    for (const span of this.spans) if (max === undefined || span.endTimeUnixNano > max) max = span.endTimeUnixNano;
    return max ?? 0n;
  }

  /** From the earliest start to the latest end. */
  get durationNano(): bigint {
    return this.endTimeUnixNano - this.startTimeUnixNano;
  }

  /** The span with this id (the first one, when the id is duplicated). */
  get(spanId: string): Span | undefined {
    return this.#byId.get(spanId);
  }

  /** True when the span belongs to this trace (by identity). */
  has(span: Span): boolean {
    return this.#position.has(span);
  }

  parent(span: Span): Span | undefined {
    return this.#parent.get(span);
  }

  /** Direct children in sibling order. */
  children(span: Span): readonly Span[] {
    return this.#children.get(span) ?? EMPTY;
  }

  /** Parent first, then its parent, up to the top of the tree. */
  ancestors(span: Span): readonly Span[] {
    const result: Span[] = [];
    for (let parent = this.#parent.get(span); parent; parent = this.#parent.get(parent)) result.push(parent);
    return result;
  }

  /** Every span below this one, in tree order. */
  descendants(span: Span): readonly Span[] {
    const start = this.#position.get(span);
    if (start === undefined) return EMPTY;
    const depth = this.#depth.get(span) ?? 0;
    const result: Span[] = [];
    for (let i = start + 1; i < this.spans.length; i++) {
      const next = this.spans[i] as Span;
      if ((this.#depth.get(next) ?? 0) <= depth) break;
      result.push(next);
    }
    return result;
  }

  /** 0 for the top of the tree (roots and orphans). */
  depth(span: Span): number {
    return this.#depth.get(span) ?? 0;
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

  /** The position of the span in {@link Trace.spans} (tree order), or -1. */
  indexOf(span: Span): number {
    return this.#position.get(span) ?? -1;
  }

  #walk(tops: readonly Span[], total: number): Span[] {
    const ordered: Span[] = [];
    ordered.length = 0;
    const stack: { span: Span; depth: number }[] = [];
    for (let i = tops.length - 1; i >= 0; i--) stack.push({ span: tops[i] as Span, depth: 0 });
    while (stack.length > 0) {
      const { span, depth } = stack.pop() as { span: Span; depth: number };
      if (this.#position.has(span)) continue;
      this.#position.set(span, ordered.length);
      this.#depth.set(span, depth);
      ordered.push(span);
      const children = this.#children.get(span);
      if (children)
        for (let i = children.length - 1; i >= 0; i--) stack.push({ span: children[i] as Span, depth: depth + 1 });
    }
    // A parent cycle (a -> b -> a) has no top; keep those spans visible as extra tops instead of losing them.
    if (ordered.length < total) this.#rescueCycles(ordered);
    return ordered;
  }

  #rescueCycles(ordered: Span[]): void {
    for (const span of this.#byId.values()) {
      if (this.#position.has(span)) continue;
      this.#parent.delete(span);
      (this.orphans as Span[]).push(span);
      (this.tops as Span[]).push(span);
      const stack = [{ span, depth: 0 }];
      while (stack.length > 0) {
        const next = stack.pop() as { span: Span; depth: number };
        if (this.#position.has(next.span)) continue;
        this.#position.set(next.span, ordered.length);
        this.#depth.set(next.span, next.depth);
        ordered.push(next.span);
        for (const child of this.#children.get(next.span) ?? EMPTY) stack.push({ span: child, depth: next.depth + 1 });
      }
    }
  }
}

function compareTraces(a: Trace, b: Trace): number {
  const sa = a.startTimeUnixNano;
  const sb = b.startTimeUnixNano;
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.traceId < b.traceId ? -1 : a.traceId > b.traceId ? 1 : 0;
}
