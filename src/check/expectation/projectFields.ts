import type { FieldComparison } from './compareSpan.ts';

/**
 * Compared fields in the expectation's shape (`attributes`, `status`, `parent`, ... nested; attribute keys whole):
 * the expected values, or the span's values where they differ, so that the runner's diff shows only what differs.
 *
 * @example
 * const actual = projectFields(compareSpan(expected, span, trace), 'actual');
 */
export function projectFields(
  fields: readonly FieldComparison[],
  side: 'actual' | 'expected',
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of fields)
    setPath(result, field.path, side === 'expected' || field.ok ? field.expected : field.actual);
  return result;
}

const NESTED: ReadonlySet<string> = new Set(['parent', 'attributes', 'resource', 'status', 'scope']);

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  // Attribute keys contain dots; only the first segment is structure.
  const dot = path.indexOf('.');
  if (dot === -1 || !NESTED.has(path.slice(0, dot))) {
    target[path] = value;
    return;
  }
  const head = path.slice(0, dot);
  const rest = path.slice(dot + 1);
  const existing = target[head];
  const child = (typeof existing === 'object' && existing !== null ? existing : {}) as Record<string, unknown>;
  target[head] = child;
  if (head === 'parent') setPath(child, rest, value);
  else child[rest] = value;
}
