import { parseSelector } from '../../../query/parseSelector.ts';
import { describeValue } from '../../expectation/asymmetric.ts';
import type { SpanExpectation } from '../../expectation/SpanExpectation.ts';
import type { NormalShape } from './NormalShape.ts';
import type { ShapeNode } from './SpanShape.ts';

/**
 * Validates a shape and splits each node into its span fields and its structure; selectors are parsed here so a
 * syntax error surfaces before any matching.
 *
 * @example
 * const root = normalizeShape({ name: 'POST /checkout', children: ['[db.system]'] });
 */
export function normalizeShape(node: ShapeNode, path = 'shape'): NormalShape {
  if (typeof node === 'string') {
    const selector = parseSelector(node);
    return { expectation: {}, selector, selectorText: node, children: [], descendants: [], leaf: true, label: node };
  }
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    throw new TypeError(
      `[tracespec] toHaveSpanTree(): ${path} must be a partial span with optional children, or a selector string; got ${describeValue(node)}.`,
    );
  }
  const { children, descendants, selector, ...expectation } = node;
  const list = (value: unknown, key: string): NormalShape[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      throw new TypeError(`[tracespec] toHaveSpanTree(): ${path}.${key} must be an array of shape nodes.`);
    }
    return value.map((child: ShapeNode, i) => normalizeShape(child, `${path}.${key}[${i}]`));
  };
  const kids = list(children, 'children');
  const below = list(descendants, 'descendants');
  const parsed = selector === undefined ? undefined : parseSelector(selector);
  return {
    expectation,
    ...(parsed === undefined || selector === undefined ? {} : { selector: parsed, selectorText: selector }),
    children: kids,
    descendants: below,
    leaf: children === undefined && descendants === undefined,
    label: label(expectation, selector),
  };
}

function label(expectation: SpanExpectation, selector: string | undefined): string {
  const keys = Object.keys(expectation);
  const fields =
    keys.length === 1 && typeof expectation.name === 'string'
      ? JSON.stringify(expectation.name)
      : keys.length === 0
        ? ''
        : describeValue(expectation);
  if (selector === undefined) return fields || '{}';
  return fields ? `${fields} ${selector}` : selector;
}
