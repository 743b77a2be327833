import type { Trace } from 'tracespec';

/** The parts of a trace every export path keeps: tree, services, kinds, names, status codes, event names. */
export function shapeOf(trace: Trace): string[] {
  return trace.spans.map(
    (span) =>
      `${'  '.repeat(trace.depth(span))}${span.service} ${span.kind} ${span.name} ${span.status.code}` +
      `${span.events.length ? ` [${span.events.map((e) => e.name).join(',')}]` : ''}`,
  );
}
