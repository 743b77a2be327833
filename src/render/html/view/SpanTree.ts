import type { PageData } from '../PageModel.ts';

/**
 * The tree of a page's spans as flat arrays (spans are stored depth first, so a subtree is a range): where each
 * subtree ends, and the first span of each trace. Built once; every row list is a filtered walk over it.
 *
 * @example
 * const tree = new SpanTree(data);
 * const rows = tree.rows(new Set([0])); // every trace header and span, with span 0's subtree collapsed
 */
export class SpanTree {
  readonly data: PageData;
  /** For span i, the index after the last span of its subtree. */
  readonly subtreeEnd: Int32Array;

  constructor(data: PageData) {
    this.data = data;
    const n = data.spans.length;
    const end = new Int32Array(n);
    const stack: number[] = [];
    for (let i = 0; i < n; i++) {
      const depth = (data.spans[i] as PageData['spans'][number]).d;
      const trace = (data.spans[i] as PageData['spans'][number]).t;
      // A span closes every open subtree at its depth or deeper, and every subtree of another trace.
      while (stack.length > 0) {
        const top = stack[stack.length - 1] as number;
        const open = data.spans[top] as PageData['spans'][number];
        if (open.d < depth && open.t === trace) break;
        end[top] = i;
        stack.pop();
      }
      stack.push(i);
    }
    for (const open of stack) end[open] = n;
    this.subtreeEnd = end;
  }

  /**
   * The rows to draw: for each trace a header row (encoded as `-1 - trace`), then its spans, skipping the
   * descendants of collapsed spans and the spans of collapsed traces.
   *
   * @example
   * const rows = tree.rows(collapsed, collapsedTraces);
   */
  rows(collapsed: ReadonlySet<number>, collapsedTraces: ReadonlySet<number> = new Set()): number[] {
    const rows: number[] = [];
    for (const [t, trace] of this.data.traces.entries()) {
      rows.push(-1 - t);
      if (collapsedTraces.has(t)) continue;
      const last = trace.first + trace.size;
      for (let i = trace.first; i < last; ) {
        rows.push(i);
        i = collapsed.has(i) ? (this.subtreeEnd[i] as number) : i + 1;
      }
    }
    return rows;
  }

  /**
   * The ancestors of a span, nearest first.
   *
   * @example
   * for (const ancestor of tree.ancestors(span)) collapsed.delete(ancestor);
   */
  ancestors(span: number): number[] {
    const result: number[] = [];
    let parent = this.data.spans[span]?.p ?? -1;
    while (parent >= 0) {
      result.push(parent);
      parent = this.data.spans[parent]?.p ?? -1;
    }
    return result;
  }
}
