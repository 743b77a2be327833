import type { Span, Trace } from 'tracespec';
import { describeSpan } from '../../src/render/describeSpan.ts';

/**
 * A deliberately plain reference of `renderTree` for property tests: it recurses over every span of the trace and
 * decides for each one alone whether it is printed (within the line budget, or marked) or counted as not shown.
 */
export function plainTree(trace: Trace, marks: ReadonlyMap<Span, string>, maxLines: number): string {
  const lines: string[] = [];
  let skipped = 0;
  const visit = (span: Span, prefix: string, connector: string) => {
    const mark = marks.get(span);
    if (lines.length < maxLines || mark !== undefined) {
      let line = `  ${prefix}${connector}${describeSpan(span)}`;
      if (trace.orphans.includes(span)) line += `  [orphan: parent ${span.parentSpanId} is missing]`;
      if (trace.duplicates.includes(span)) line += `  [duplicate span id ${span.spanId}]`;
      if (mark !== undefined) line += `  ${mark}`;
      lines.push(line);
    } else skipped++;
    const children = trace.children(span);
    const childPrefix = prefix + (connector === '' ? '' : connector === '└─ ' ? '   ' : '│  ');
    for (const [i, child] of children.entries()) visit(child, childPrefix, i === children.length - 1 ? '└─ ' : '├─ ');
  };
  for (const top of trace.tops) visit(top, '', '');
  if (skipped > 0) lines.push(`  … ${skipped} more span${skipped === 1 ? '' : 's'} not shown`);
  return [`trace ${trace.traceId} (${trace.size} span${trace.size === 1 ? '' : 's'})`, ...lines].join('\n');
}
