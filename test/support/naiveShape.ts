import { matchesSelector, type ShapeNode, type Span, type Trace, type TreeShapeOptions } from 'tracespec';
import { spanMatches } from '../../src/check/expectation/compareSpan.ts';

/**
 * A brute-force reference for tree shapes: tries every injective assignment of shape nodes to spans by
 * backtracking. Exponential, so only for the small random cases of property tests.
 */
export function naiveHasSpanTree(traces: readonly Trace[], shape: ShapeNode, options: TreeShapeOptions = {}): boolean {
  const mode = options.mode ?? 'subset';
  const ordered = options.order === 'ordered';
  return traces.some((trace) => {
    const fields = (node: ShapeNode, span: Span): boolean => {
      if (typeof node === 'string') return matchesSelector(span, node, trace);
      const { children: _c, descendants: _d, selector, ...expectation } = node;
      return (
        spanMatches(expectation, span, trace) && (selector === undefined || matchesSelector(span, selector, trace))
      );
    };
    const matches = (node: ShapeNode, span: Span): boolean => {
      if (!fields(node, span)) return false;
      const children = typeof node === 'string' ? [] : (node.children ?? []);
      const descendants = typeof node === 'string' ? [] : (node.descendants ?? []);
      const kids = trace.children(span);
      if (mode === 'exact' && descendants.length === 0 && kids.length !== children.length) return false;
      const childrenOk =
        ordered && mode === 'exact'
          ? children.every((child, i) => kids[i] !== undefined && matches(child, kids[i] as Span))
          : inject(children, kids, matches, ordered);
      return childrenOk && inject(descendants, trace.descendants(span), matches, false);
    };
    const roots = mode === 'exact' ? trace.tops : trace.spans;
    return roots.some((span) => matches(shape, span));
  });
}

function inject(
  nodes: readonly ShapeNode[],
  spans: readonly Span[],
  matches: (node: ShapeNode, span: Span) => boolean,
  ordered: boolean,
): boolean {
  const used = new Set<number>();
  const place = (i: number, after: number): boolean => {
    const node = nodes[i];
    if (node === undefined) return true;
    for (let j = ordered ? after + 1 : 0; j < spans.length; j++) {
      if (used.has(j) || !matches(node, spans[j] as Span)) continue;
      used.add(j);
      if (place(i + 1, j)) return true;
      used.delete(j);
    }
    return false;
  };
  return place(0, -1);
}
