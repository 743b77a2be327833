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
  const holdsMark = markedPaths(trace, marks);
  const lines: string[] = [];
  let skipped = 0;

  // Depth-first with a stack of its own, so that a trace of any depth renders (no recursion to overflow).
  const stack: { span: Span; prefix: string; connector: string }[] = [];
  for (let i = trace.tops.length - 1; i >= 0; i--)
    stack.push({ span: trace.tops[i] as Span, prefix: '', connector: '' });
  while (stack.length > 0) {
    const { span, prefix, connector } = stack.pop() as (typeof stack)[number];
    const mark = marks.get(span);
    // Past the line budget, a subtree without a marked span is only counted.
    if (lines.length >= maxLines && holdsMark[trace.indexOf(span)] !== 1) {
      skipped += 1 + trace.descendantCount(span);
      continue;
    }
    if (lines.length < maxLines || mark !== undefined) {
      let line = `${indent}${prefix}${connector}${describeSpan(span, attributes)}`;
      if (orphans.has(span)) line += `  [orphan: parent ${span.parentSpanId} is missing]`;
      if (duplicates.has(span)) line += `  [duplicate span id ${span.spanId}]`;
      if (mark !== undefined) line += `  ${mark}`;
      lines.push(line);
    } else skipped++;
    const children = trace.children(span);
    const childPrefix = prefix + (connector === '' ? '' : connector === '└─ ' ? '   ' : '│  ');
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({
        span: children[i] as Span,
        prefix: childPrefix,
        connector: i === children.length - 1 ? '└─ ' : '├─ ',
      });
    }
  }
  if (skipped > 0) lines.push(`${indent}… ${skipped} more span${skipped === 1 ? '' : 's'} not shown`);
  const header = `trace ${trace.traceId} (${trace.size} span${trace.size === 1 ? '' : 's'})`;
  return [header, ...lines].join('\n');
}

/** 1 at the position of every marked span of the trace and of each of its ancestors. */
function markedPaths(trace: Trace, marks: ReadonlyMap<Span, string>): Uint8Array {
  const holds = new Uint8Array(trace.size);
  const up = trace.parentPositions();
  for (const span of marks.keys()) {
    for (let at = trace.indexOf(span); at !== -1 && holds[at] !== 1; at = up[at] as number) holds[at] = 1;
  }
  return holds;
}
