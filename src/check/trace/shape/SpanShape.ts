import type { SpanExpectation } from '../../expectation/SpanExpectation.ts';

/**
 * One node of an expected tree: a partial span (every field given must match), optionally a selector the span
 * must match too, and what must be below it: `children` (direct children) and `descendants` (somewhere below).
 *
 * @example
 * const shape: SpanShape = {
 *   name: 'POST /checkout',
 *   children: [{ name: 'SELECT cart' }, { service: 'payments', name: 'POST /charge' }],
 *   descendants: ['[db.system=postgresql]'],
 * };
 */
export interface SpanShape extends SpanExpectation {
  /** A selector the span must match as well, e.g. `':error'` or `'[service=payments]'`. */
  readonly selector?: string;
  /** Each entry must match a different direct child. */
  readonly children?: readonly ShapeNode[];
  /** Each entry must match a different span somewhere below (a child, a grandchild, ...). */
  readonly descendants?: readonly ShapeNode[];
}

/**
 * A node of an expected tree: a {@link SpanShape}, or a selector string (`'[service=payments]'`).
 *
 * @example
 * const nodes: ShapeNode[] = [{ name: 'SELECT cart' }, '[service=payments] > :error'];
 */
export type ShapeNode = SpanShape | string;

/**
 * How a tree shape is compared with the trace.
 *
 * @example
 * expect(traces).toHaveSpanTree(shape, { mode: 'exact', order: 'ordered' });
 */
export interface TreeShapeOptions {
  /**
   * `subset` (default): the shape may match anywhere and spans not in the shape are allowed.
   * `exact`: the shape's root must be a top of a trace (a root or an orphan), and a span's children must be exactly
   * those its `children` list (a node without `children` must be a leaf), unless the node also lists `descendants`.
   */
  readonly mode?: 'subset' | 'exact';
  /** `any` (default): children match in any order. `ordered`: in sibling (start time) order. */
  readonly order?: 'any' | 'ordered';
}
