import type { SpanTree } from './SpanTree.ts';

/**
 * What a key press in the waterfall does: select another row, and/or expand or collapse one. Rows are span
 * indexes, or `-1 - trace` for a trace's header row (see {@link SpanTree.rows}).
 *
 * @example
 * const move: Navigation = { select: 4 };
 */
export interface Navigation {
  readonly select?: number;
  readonly toggle?: number;
}

/**
 * The keys the waterfall handles, as `KeyboardEvent.key` names them.
 *
 * @example
 * if (NAVIGATION_KEYS.has(event.key)) event.preventDefault();
 */
export const NAVIGATION_KEYS: ReadonlySet<string> = new Set([
  'ArrowDown',
  'ArrowUp',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageDown',
  'PageUp',
  'Enter',
  ' ',
]);

/**
 * The tree keyboard pattern (WAI-ARIA treeview): up and down move, right expands or goes to the first child,
 * left collapses or goes to the parent, Home/End/PageUp/PageDown jump, Enter and Space toggle.
 *
 * @example
 * const next = navigate(tree, rows, selected, 'ArrowRight', collapsed, collapsedTraces, 20);
 */
export function navigate(
  tree: SpanTree,
  rows: readonly number[],
  current: number,
  key: string,
  collapsed: ReadonlySet<number>,
  collapsedTraces: ReadonlySet<number>,
  pageSize: number,
): Navigation {
  const position = Math.max(0, rows.indexOf(current));
  const at = (i: number) => rows[Math.min(rows.length - 1, Math.max(0, i))] as number;
  const isHeader = current < 0;
  const trace = isHeader ? -1 - current : (tree.data.spans[current]?.t ?? 0);
  const hasChildren = isHeader ? (tree.data.traces[trace]?.size ?? 0) > 0 : (tree.data.spans[current]?.nc ?? 0) > 0;
  const isCollapsed = isHeader ? collapsedTraces.has(trace) : collapsed.has(current);
  switch (key) {
    case 'ArrowDown':
      return { select: at(position + 1) };
    case 'ArrowUp':
      return { select: at(position - 1) };
    case 'PageDown':
      return { select: at(position + pageSize) };
    case 'PageUp':
      return { select: at(position - pageSize) };
    case 'Home':
      return { select: at(0) };
    case 'End':
      return { select: at(rows.length - 1) };
    case 'Enter':
    case ' ':
      return hasChildren ? { toggle: current } : {};
    case 'ArrowRight':
      if (!hasChildren) return {};
      if (isCollapsed) return { toggle: current };
      return { select: isHeader ? (tree.data.traces[trace]?.first ?? current) : current + 1 };
    case 'ArrowLeft': {
      if (hasChildren && !isCollapsed) return { toggle: current };
      if (isHeader) return {};
      const parent = tree.data.spans[current]?.p ?? -1;
      return { select: parent >= 0 ? parent : -1 - trace };
    }
    default:
      return {};
  }
}

/**
 * The next (or previous) entry of a sorted list after `current`, wrapping around; for jumping between marked or
 * failed spans.
 *
 * @example
 * nextOf([3, 8, 20], 8, 1); // 20
 */
export function nextOf(sorted: readonly number[], current: number, direction: 1 | -1): number | undefined {
  if (sorted.length === 0) return undefined;
  if (direction === 1) return sorted.find((item) => item > current) ?? sorted[0];
  for (let i = sorted.length - 1; i >= 0; i--) if ((sorted[i] as number) < current) return sorted[i];
  return sorted[sorted.length - 1];
}
