import type { NormalShape } from './NormalShape.ts';

/**
 * The expected tree, one node a line, drawn like the actual trace tree; `…` marks a node that may be anywhere
 * below its parent, and `marks` adds a note after a node's line.
 *
 * @example
 * renderShape(root, new Map([[missing, '✗ not found']]));
 * // "POST /checkout"
 * // ├─ "SELECT cart"
 * // └─ { service: "payments", name: "POST /charge" }  ✗ not found
 */
export function renderShape(
  root: NormalShape,
  marks: ReadonlyMap<NormalShape, string> = new Map(),
  indent = '  ',
): string {
  const lines: string[] = [];
  const visit = (node: NormalShape, prefix: string, connector: string, deep: boolean) => {
    const mark = marks.get(node);
    lines.push(
      `${indent}${prefix}${connector}${deep ? '… ' : ''}${node.label}${mark === undefined ? '' : `  ${mark}`}`,
    );
    const below = [
      ...node.children.map((child) => ({ child, deep: false })),
      ...node.descendants.map((child) => ({ child, deep: true })),
    ];
    const childPrefix = prefix + (connector === '' ? '' : connector === '└─ ' ? '   ' : '│  ');
    for (const [i, item] of below.entries()) {
      visit(item.child, childPrefix, i === below.length - 1 ? '└─ ' : '├─ ', item.deep);
    }
  };
  visit(root, '', '', false);
  return lines.join('\n');
}
