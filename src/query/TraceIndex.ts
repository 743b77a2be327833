import type { Span } from '../model/Span.ts';
import type { Trace } from '../model/Trace.ts';
import type { SelectorList } from './SelectorAst.ts';

/**
 * Flat, position-based view of a trace for the evaluator: positions are indexes into `trace.spans` (tree order,
 * so a parent always comes before its children), plus lookups by name, service and kind.
 */
export interface TraceIndex {
  readonly trace: Trace;
  readonly size: number;
  /** Position of the parent, -1 for the top of the tree (roots and orphans). */
  readonly parent: Int32Array;
  /** Position of the first child, -1 for a leaf. Tops are linked from {@link TraceIndex.firstTop}. */
  readonly firstChild: Int32Array;
  /** Position of the next sibling in sibling order, -1 for the last one. */
  readonly nextSibling: Int32Array;
  readonly firstTop: number;
  /** 1-based position among siblings, and the number of siblings (the span included). */
  readonly siblingPosition: Int32Array;
  readonly siblingCount: Int32Array;
  readonly orphan: Uint8Array;
  readonly byName: ReadonlyMap<string, readonly number[]>;
  readonly byService: ReadonlyMap<string, readonly number[]>;
  readonly byKind: ReadonlyMap<string, readonly number[]>;
  /** Match sets already computed on this trace, per parsed selector. */
  readonly results: WeakMap<SelectorList, Uint8Array>;
  /** The same for selectors used relatively, as the argument of `:has(...)`. */
  readonly relativeResults: WeakMap<SelectorList, Uint8Array>;
}

// Memo: a trace's index, a pure function of the (immutable) trace; it goes when the trace does.
const INDEXES = new WeakMap<Trace, TraceIndex>();

/**
 * The index of a trace, built on first use in one linear pass and kept as long as the trace lives.
 *
 * @example
 * const index = traceIndex(trace);
 * const selects = index.byName.get('SELECT cart') ?? [];
 */
export function traceIndex(trace: Trace): TraceIndex {
  const cached = INDEXES.get(trace);
  if (cached !== undefined) return cached;
  const index = buildIndex(trace);
  INDEXES.set(trace, index);
  return index;
}

function buildIndex(trace: Trace): TraceIndex {
  const spans = trace.spans;
  const size = spans.length;
  // Tree order puts every parent before its children and siblings in sibling order, so one pass over the
  // parent positions links children and siblings without touching span objects.
  const parent = trace.parentPositions();
  const firstChild = new Int32Array(size).fill(-1);
  const lastChild = new Int32Array(size).fill(-1);
  const nextSibling = new Int32Array(size).fill(-1);
  const siblingPosition = new Int32Array(size);
  const siblingCount = new Int32Array(size);
  const childCount = new Int32Array(size);
  const orphan = new Uint8Array(size);
  const byName = new Map<string, number[]>();
  const byService = new Map<string, number[]>();
  const byKind = new Map<string, number[]>();
  for (const span of trace.orphans) {
    const at = trace.indexOf(span);
    if (at !== -1) orphan[at] = 1;
  }
  let firstTop = -1;
  let lastTop = -1;
  let topCount = 0;
  for (let i = 0; i < size; i++) {
    const span = spans[i] as Span;
    push(byName, span.name, i);
    push(byService, span.service, i);
    push(byKind, span.kind, i);
    const up = parent[i] as number;
    if (up === -1) {
      if (lastTop === -1) firstTop = i;
      else nextSibling[lastTop] = i;
      lastTop = i;
      siblingPosition[i] = ++topCount;
      continue;
    }
    const last = lastChild[up] as number;
    if (last === -1) firstChild[up] = i;
    else nextSibling[last] = i;
    lastChild[up] = i;
    childCount[up] = (childCount[up] as number) + 1;
    siblingPosition[i] = childCount[up] as number;
  }
  for (let i = 0; i < size; i++) {
    const up = parent[i] as number;
    siblingCount[i] = up === -1 ? topCount : (childCount[up] as number);
  }
  return {
    trace,
    size,
    parent,
    firstChild,
    nextSibling,
    firstTop,
    siblingPosition,
    siblingCount,
    orphan,
    byName,
    byService,
    byKind,
    results: new WeakMap(),
    relativeResults: new WeakMap(),
  };
}

function push(map: Map<string, number[]>, key: string, position: number): void {
  const list = map.get(key);
  if (list) list.push(position);
  else map.set(key, [position]);
}
