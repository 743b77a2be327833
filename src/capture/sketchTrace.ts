import type { Trace } from '../model/Trace.ts';
import { formatDuration } from '../model/time.ts';

/**
 * A plain-text tree of a trace for failure messages: one span a line, indented by depth, orphans marked with
 * the parent id that has not arrived.
 *
 * @example
 * console.log(sketchTrace(trace));
 * // checkout [server] POST /checkout 12.3ms
 * //   payments [client] charge 4.1ms
 */
export function sketchTrace(trace: Trace, indent = ''): string {
  const orphans = new Set(trace.orphans);
  return trace.spans
    .map((span) => {
      const mark = orphans.has(span) ? `  <- orphan: parent ${span.parentSpanId} not received` : '';
      const status = span.status.code === 'error' ? ' ERROR' : '';
      return `${indent}${'  '.repeat(trace.depth(span))}${span.service} [${span.kind}] ${span.name} ${formatDuration(span.durationNano)}${status}${mark}`;
    })
    .join('\n');
}
