import type { ShapeNode, SpanShape } from './SpanShape.ts';

const DEEP = Symbol('tracespec.deep');

/**
 * A shape node wrapped by {@link deep}: it may match anywhere below its parent, not only a child.
 *
 * @example
 * const below: DeepShape = deep('INSERT payment');
 */
export interface DeepShape {
  readonly [DEEP]: SpanShape;
}

/**
 * What the builder accepts for one node: a span name, or a partial span / shape.
 *
 * @example
 * const inputs: ShapeInput[] = ['SELECT cart', { service: 'payments', selector: ':error' }];
 */
export type ShapeInput = string | SpanShape;

/**
 * Builds a tree shape that reads as the tree. A string is the span's exact name (use `{ selector: '...' }` for a
 * selector); the second argument lists the children, where {@link deep} marks a node that may be anywhere below.
 *
 * @example
 * expect(traces).toHaveSpanTree(
 *   span('POST /checkout', [
 *     span('SELECT cart'),
 *     span({ service: 'payments', name: 'POST /charge' }, [deep({ selector: '[db.system=postgresql]' })]),
 *   ]),
 * );
 */
export function span(input: ShapeInput, children: readonly (ShapeInput | SpanShape | DeepShape)[] = []): SpanShape {
  const base: SpanShape = typeof input === 'string' ? { name: input } : input;
  const direct: ShapeNode[] = [...(base.children ?? [])];
  const below: ShapeNode[] = [...(base.descendants ?? [])];
  for (const child of children) {
    if (isDeep(child)) below.push(child[DEEP]);
    else direct.push(typeof child === 'string' ? { name: child } : child);
  }
  return {
    ...base,
    ...(direct.length > 0 ? { children: direct } : {}),
    ...(below.length > 0 ? { descendants: below } : {}),
  };
}

/**
 * Marks a child of {@link span} as "somewhere below" (a descendant at any depth) instead of a direct child.
 *
 * @example
 * span('POST /checkout', [deep('INSERT orders')]);
 */
export function deep(input: ShapeInput, children: readonly (ShapeInput | DeepShape)[] = []): DeepShape {
  return { [DEEP]: span(input, children) };
}

function isDeep(value: unknown): value is DeepShape {
  return typeof value === 'object' && value !== null && DEEP in value;
}
