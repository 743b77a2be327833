import type { Span } from '../../../model/Span.ts';
import type { Trace } from '../../../model/Trace.ts';
import { matchesSelector } from '../../../query/find.ts';
import { spanMatcher } from '../../expectation/compareSpan.ts';
import { maximumMatching } from './maximumMatching.ts';
import type { NormalShape } from './NormalShape.ts';
import type { TreeShapeOptions } from './SpanShape.ts';

const UNKNOWN = 0;
const NO = 1;
const YES = 2;

/** Children (or descendants) of a span paired with the shape nodes that must match them. */
export interface Pairing {
  readonly spans: readonly Span[];
  /** For each shape node, the index of its span in `spans`, or -1 when it has none. */
  readonly assigned: Int32Array;
}

/**
 * Matches shape nodes against the spans of one trace. Every (node, span) answer is memoized, so each subtree is
 * compared at most once; unordered children are paired by maximum bipartite matching over the compatible pairs.
 */
export class ShapeMatcher {
  readonly trace: Trace;
  readonly mode: 'subset' | 'exact';
  readonly order: 'any' | 'ordered';
  readonly #fields = new Map<NormalShape, Uint8Array>();
  readonly #whole = new Map<NormalShape, Uint8Array>();
  // Each node's partial span, compiled once for all the spans it is compared with.
  readonly #matchers = new Map<NormalShape, ReturnType<typeof spanMatcher>>();

  constructor(trace: Trace, options: Required<TreeShapeOptions>) {
    this.trace = trace;
    this.mode = options.mode;
    this.order = options.order;
  }

  /** The span's own fields (and selector) match the node; nothing below is looked at. */
  fieldsMatch(node: NormalShape, span: Span): boolean {
    return this.#memo(this.#fields, node, span, () => {
      let matcher = this.#matchers.get(node);
      if (matcher === undefined) {
        matcher = spanMatcher(node.expectation);
        this.#matchers.set(node, matcher);
      }
      if (!matcher(span, this.trace)) return false;
      return node.selector === undefined || matchesSelector(span, node.selector, this.trace);
    });
  }

  /** The node and everything it lists below match the span and the spans under it. */
  matches(node: NormalShape, span: Span): boolean {
    return this.#memo(this.#whole, node, span, () => {
      if (!this.fieldsMatch(node, span)) return false;
      return this.childrenMatch(node, span) && this.descendantsMatch(node, span);
    });
  }

  childrenMatch(node: NormalShape, span: Span): boolean {
    const kids = this.trace.children(span);
    if (this.mode === 'exact' && node.descendants.length === 0 && kids.length !== node.children.length) return false;
    if (node.children.length === 0) return true;
    return this.pairChildren(node, span).assigned.every((at) => at !== -1);
  }

  descendantsMatch(node: NormalShape, span: Span): boolean {
    if (node.descendants.length === 0) return true;
    return this.pairDescendants(node, span).assigned.every((at) => at !== -1);
  }

  /** The best pairing of the node's `children` with the span's children (in order when `order` is `ordered`). */
  pairChildren(node: NormalShape, span: Span): Pairing {
    const spans = this.trace.children(span);
    if (this.order === 'any') return this.#pairAnyOrder(node.children, spans);
    const assigned = new Int32Array(node.children.length).fill(-1);
    if (this.mode === 'exact') {
      for (const [i, child] of node.children.entries()) {
        const candidate = spans[i];
        if (candidate !== undefined && this.matches(child, candidate)) assigned[i] = i;
      }
      return { spans, assigned };
    }
    // The leftmost fit is optimal for an ordered subsequence: it leaves the most spans for later nodes.
    let next = 0;
    for (const [i, child] of node.children.entries()) {
      while (next < spans.length && !this.matches(child, spans[next] as Span)) next++;
      if (next === spans.length) break;
      assigned[i] = next++;
    }
    return { spans, assigned };
  }

  /** The best pairing of the node's `descendants` with distinct spans below the span. */
  pairDescendants(node: NormalShape, span: Span): Pairing {
    return this.#pairAnyOrder(node.descendants, this.trace.descendants(span));
  }

  /** Which span each node took, and recursively below: the span tree the shape matched. */
  assignment(node: NormalShape, span: Span, into = new Map<Span, NormalShape>()): Map<Span, NormalShape> {
    into.set(span, node);
    for (const pairing of [
      { nodes: node.children, ...this.pairChildren(node, span) },
      { nodes: node.descendants, ...this.pairDescendants(node, span) },
    ]) {
      for (const [i, child] of pairing.nodes.entries()) {
        const taken = pairing.spans[pairing.assigned[i] ?? -1];
        if (taken !== undefined) this.assignment(child, taken, into);
      }
    }
    return into;
  }

  #pairAnyOrder(nodes: readonly NormalShape[], spans: readonly Span[]): Pairing {
    if (nodes.length === 0) return { spans, assigned: new Int32Array(0) };
    // Bucket by name so that name-only nodes (the common case) only test spans of their own name.
    const byName = new Map<string, number[]>();
    for (const [i, span] of spans.entries()) {
      const bucket = byName.get(span.name);
      if (bucket) bucket.push(i);
      else byName.set(span.name, [i]);
    }
    const everyone = spans.map((_, i) => i);
    const positions = spans.map((span) => this.trace.indexOf(span));
    const adjacency = nodes.map((node) => {
      const name = node.expectation.name;
      const pool = typeof name === 'string' ? (byName.get(name) ?? []) : everyone;
      const row = this.#row(this.#whole, node);
      const result: number[] = [];
      for (const i of pool) {
        const known = row[positions[i] as number];
        if (known === YES || (known === UNKNOWN && this.matches(node, spans[i] as Span))) result.push(i);
      }
      return result;
    });
    return { spans, assigned: maximumMatching(adjacency, spans.length) };
  }

  #row(table: Map<NormalShape, Uint8Array>, node: NormalShape): Uint8Array {
    let row = table.get(node);
    if (row === undefined) {
      row = new Uint8Array(this.trace.size);
      table.set(node, row);
    }
    return row;
  }

  #memo(table: Map<NormalShape, Uint8Array>, node: NormalShape, span: Span, compute: () => boolean): boolean {
    const row = this.#row(table, node);
    const at = this.trace.indexOf(span);
    const known = row[at];
    if (known !== UNKNOWN && known !== undefined) return known === YES;
    const result = compute();
    row[at] = result ? YES : NO;
    return result;
  }
}
