import type { Span } from '../model/Span.ts';
import type { Trace } from '../model/Trace.ts';
import { describeSpan } from './describeSpan.ts';

/**
 * Options for {@link renderTree}.
 *
 * @example
 * console.log(renderTree(trace, { attributes: ['http.route'], marks: new Map([[span, '◀ here']]) }));
 */
export interface RenderTreeOptions {
  /** Attribute keys printed on each span that has them. */
  readonly attributes?: readonly string[];
  /** A note printed after a span's line, e.g. `<- closest (2 of 3 fields)`. */
  readonly marks?: ReadonlyMap<Span, string>;
  /** Lines printed at most before the rest is summarized (marked spans are always printed). Default 60. */
  readonly maxLines?: number;
  /** Prefix of every line. Default two spaces. */
  readonly indent?: string;
}

/**
 * The trace as an indented tree, one span a line, with orphans, duplicates and open spans labelled.
 *
 * @example
 * console.log(renderTree(trace, { attributes: ['http.route'] }));
 * // trace 4bf92f35... (3 spans, 45.2ms)
 * //   checkout server "POST /checkout" 45.2ms
 * //   ├─ checkout client "GET" 10ms
 * //   │  └─ inventory server "GET /stock" 8ms
 */
export function renderTree(trace: Trace, options: RenderTreeOptions = {}): string {
  const indent = options.indent ?? '  ';
  const maxLines = options.maxLines ?? 60;
  const marks = options.marks ?? new Map<Span, string>();
  const attributes = options.attributes ?? [];
  const duplicates = new Set(trace.duplicates);
  const orphans = new Set(trace.orphans);
  const lines: string[] = [];
  let skipped = 0;
  let marksShown = 0;

  const visit = (span: Span, prefix: string, connector: string) => {
    const mark = marks.get(span);
    if (lines.length >= maxLines && marksShown === marks.size) {
      skipped += 1 + trace.descendants(span).length;
      return;
    }
    if (mark !== undefined) marksShown++;
    if (lines.length < maxLines || mark !== undefined) {
      let line = `${indent}${prefix}${connector}${describeSpan(span, attributes)}`;
      if (orphans.has(span)) line += `  [orphan: parent ${span.parentSpanId} is missing]`;
      if (duplicates.has(span)) line += `  [duplicate span id ${span.spanId}]`;
      if (mark !== undefined) line += `  ${mark}`;
      lines.push(line);
    } else skipped++;
    const children = trace.children(span);
    const childPrefix = prefix + (connector === '' ? '' : connector === '└─ ' ? '   ' : '│  ');
    for (const [i, child] of children.entries()) visit(child, childPrefix, i === children.length - 1 ? '└─ ' : '├─ ');
  };
  for (const top of trace.tops) visit(top, '', '');
  if (skipped > 0) lines.push(`${indent}… ${skipped} more span${skipped === 1 ? '' : 's'} not shown`);
  const header = `trace ${trace.traceId} (${trace.size} span${trace.size === 1 ? '' : 's'})`;
  return [header, ...lines].join('\n');
}
