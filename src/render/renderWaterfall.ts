import type { Span } from '../model/Span.ts';
import type { Trace } from '../model/Trace.ts';
import { formatDuration } from '../model/time.ts';

/**
 * Options for {@link renderWaterfall}.
 *
 * @example
 * renderWaterfall(trace, { spans: [slowQuery], marks: new Map([[slowQuery, '◀ slow']]), width: 60 });
 */
export interface RenderWaterfallOptions {
  /** The spans to show (with their ancestors, for context). Default: every span of the trace. */
  readonly spans?: readonly Span[];
  /** A note printed after a span's bar, e.g. `◀ 2nd call`. Marked spans are always shown. */
  readonly marks?: ReadonlyMap<Span, string>;
  /** Characters of the bar area, which spans the whole trace. Default 40. */
  readonly width?: number;
  /** Characters of the label column (tree and span name). Default 32. */
  readonly labelWidth?: number;
  /** Spans shown at most before the rest is summarized. Default 30. */
  readonly maxSpans?: number;
  /** Prefix of every line. Default two spaces. */
  readonly indent?: string;
}

const FULL = '█';
const EMPTY = '·';
const INSTANT = '▏';

/**
 * A text waterfall: one line per span, in tree order, with a bar placed and sized on a time axis that spans
 * the whole trace, then the span's duration and its mark. Used in the failure messages of timing matchers.
 *
 * @example
 * console.log(renderWaterfall(trace, { spans: [a, b], marks: new Map([[b, '◀ starts before a ends']]) }));
 * // trace 4bf92f3577b34da6a3ce929d0e0e4736 (4 spans, 100ms; one █ = 2.5ms)
 * //                                    0ms                                  100ms
 * //   POST /checkout                   ████████████████████████████████████████  100ms
 * //   ├─ GET /stock                    ··██████████····························   25ms
 * //   └─ GET /price                    ··········████████······················   20ms  ◀ starts before a ends
 */
export function renderWaterfall(trace: Trace, options: RenderWaterfallOptions = {}): string {
  const width = Math.max(10, options.width ?? 40);
  const labelWidth = Math.max(8, options.labelWidth ?? 32);
  const indent = options.indent ?? '  ';
  const marks = options.marks ?? new Map<Span, string>();
  const shown = rowsToShow(trace, options.spans, marks, options.maxSpans ?? 30);
  const start = trace.startTimeUnixNano;
  const total = trace.durationNano;
  const multiService = new Set(trace.spans.map((span) => span.service)).size > 1;

  const lines: string[] = [];
  const rows = trace.spans.filter((span) => shown.has(span));
  for (const span of rows) {
    const label = fitLabel(
      `${prefix(trace, span, shown)}${span.name}${multiService ? ` [${span.service}]` : ''}`,
      labelWidth,
    );
    const duration = span.ended ? formatDuration(span.durationNano) : 'open';
    const mark = marks.get(span);
    const line = `${indent}${label} ${bar(span, start, total, width)} ${duration.padStart(7)}${mark ? `  ${mark}` : ''}`;
    lines.push(line.trimEnd());
  }
  const hidden = trace.size - rows.length;
  if (options.spans === undefined && hidden > 0) lines.push(`${indent}… ${hidden} more span${hidden === 1 ? '' : 's'}`);

  const scale = total === 0n ? '' : `; one ${FULL} = ${formatDuration(total / BigInt(width))}`;
  const header = `trace ${trace.traceId} (${trace.size} span${trace.size === 1 ? '' : 's'}, ${formatDuration(total)}${scale})`;
  const end = formatDuration(total);
  const axis = `${' '.repeat(indent.length + labelWidth + 1)}0ms${end.padStart(width - 3)}`;
  return [header, axis, ...lines].join('\n');
}

function rowsToShow(
  trace: Trace,
  requested: readonly Span[] | undefined,
  marks: ReadonlyMap<Span, string>,
  maxSpans: number,
): Set<Span> {
  const wanted = [...marks.keys(), ...(requested ?? trace.spans)].filter((span) => trace.has(span));
  const shown = new Set<Span>();
  for (const span of wanted) {
    if (shown.size >= maxSpans && !marks.has(span)) continue;
    shown.add(span);
    for (const ancestor of trace.ancestors(span)) shown.add(ancestor);
  }
  return shown;
}

/** Tree connectors drawn among the shown spans only. */
function prefix(trace: Trace, span: Span, shown: ReadonlySet<Span>): string {
  const parts: string[] = [];
  let current = span;
  for (let parent = trace.parent(current); parent; parent = trace.parent(current)) {
    const siblings = trace.children(parent).filter((child) => shown.has(child));
    const last = siblings.at(-1) === current;
    parts.unshift(current === span ? (last ? '└─ ' : '├─ ') : last ? '   ' : '│  ');
    current = parent;
  }
  return parts.join('');
}

function bar(span: Span, start: bigint, total: bigint, width: number): string {
  if (total === 0n) return INSTANT + EMPTY.repeat(width - 1);
  const w = BigInt(width);
  const from = Number(((span.startTimeUnixNano - start) * w) / total);
  if (span.durationNano === 0n) {
    const at = Math.min(from, width - 1);
    return EMPTY.repeat(at) + INSTANT + EMPTY.repeat(width - at - 1);
  }
  const end = span.endTimeUnixNano - start;
  const to = Math.max(from + 1, Number((end * w + total - 1n) / total)); // round the end up, at least one cell
  const first = Math.min(from, width - 1);
  const last = Math.min(to, width);
  return EMPTY.repeat(first) + FULL.repeat(last - first) + EMPTY.repeat(width - last);
}

function fitLabel(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}
