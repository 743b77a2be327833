import type { SnapshotAttribute, SnapshotSpan, TraceSnapshot } from './TraceSnapshot.ts';

/**
 * Prints a trace shape as an indented tree: one line per span (service, kind, name, status), its attributes,
 * events and links on the lines below it, children indented one level deeper. Each change to the shape changes
 * the lines of the span it concerns, so a line diff of two renderings reads as a tree diff.
 *
 * @example
 * console.log(renderSnapshot(normalizeTraces(set)));
 * // trace 1 (2 spans)
 * //   checkout server "POST /checkout"
 * //     · http.route: "/checkout"
 * //     inventory client "GET"
 */
export function renderSnapshot(shape: TraceSnapshot): string {
  if (shape.traces.length === 0) return 'no traces';
  const blocks = shape.traces.map((trace, i) => {
    const lines = [`trace ${i + 1} (${trace.size} span${trace.size === 1 ? '' : 's'})`];
    for (const top of trace.tops) renderSpan(top, 1, lines);
    return lines.join('\n');
  });
  return blocks.join('\n\n');
}

/**
 * The line of one span, without indentation or attributes.
 *
 * @example
 * describeSnapshotSpan(span); // '#3 orders server "GET /orders" error: "boom"'
 */
export function describeSnapshotSpan(span: SnapshotSpan): string {
  let line = `${span.linked ? `#${span.ref} ` : ''}${span.service} ${span.kind} ${JSON.stringify(span.name)}`;
  if (span.status.code === 'error') {
    line += span.status.message === undefined ? ' error' : ` error: ${JSON.stringify(span.status.message)}`;
  } else if (span.status.code === 'ok') line += ' ok';
  if (span.duration !== undefined) line += ` [${span.duration}]`;
  for (const flag of span.flags) line += ` [${flag}]`;
  return line;
}

function renderSpan(span: SnapshotSpan, depth: number, lines: string[]): void {
  const pad = '  '.repeat(depth);
  lines.push(pad + describeSnapshotSpan(span));
  for (const attribute of span.attributes) lines.push(`${pad}  · ${attribute.key}: ${attribute.value}`);
  for (const event of span.events) lines.push(`${pad}  event ${JSON.stringify(event.name)}${inline(event.attributes)}`);
  for (const link of span.links) {
    lines.push(
      `${pad}  link -> ${link.target === undefined ? 'external' : `#${link.target}`}${inline(link.attributes)}`,
    );
  }
  for (const child of span.children) renderSpan(child, depth + 1, lines);
}

function inline(attributes: readonly SnapshotAttribute[]): string {
  if (attributes.length === 0) return '';
  return ` {${attributes.map((attribute) => `${attribute.key}: ${attribute.value}`).join(', ')}}`;
}
