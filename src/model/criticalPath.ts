import { minBigInt } from './bigintMath.ts';
import { type DurationInput, parseDuration } from './duration.ts';
import { clipInterval, type Interval } from './Interval.ts';
import type { Span } from './Span.ts';
import { spanInterval } from './selfTime.ts';
import type { Trace } from './Trace.ts';

/**
 * One stretch of the critical path: the span that was doing the work that the end of the trace waited for.
 *
 * @example
 * const { span, startTimeUnixNano, endTimeUnixNano } = criticalPath(trace).segments[0];
 */
export interface CriticalSegment {
  readonly span: Span;
  readonly startTimeUnixNano: bigint;
  readonly endTimeUnixNano: bigint;
}

/**
 * The critical path of a trace: the chain of spans that determines its end-to-end time.
 *
 * @example
 * const path = criticalPath(trace);
 * path.spans.map((span) => span.name); // ['POST /checkout', 'GET /stock', 'SELECT stock']
 */
export interface CriticalPath {
  /** Non-overlapping stretches in time order; a parent appears again between the children it waited for. */
  readonly segments: readonly CriticalSegment[];
  /** Each span on the path once, in the order the path first reaches it (a parent before its children). */
  readonly spans: readonly Span[];
  /** The total length of the segments; never more than the trace's duration. */
  readonly durationNano: bigint;
}

/**
 * Computes the critical path, walking back from the end of the trace: inside a span, the child that ends last
 * is what the span waited for; before that child started, the child that ended last before then; and so on,
 * recursively. Time no child covers is the span's own (self) time. Children are clipped to their parent's range,
 * so a child that sticks out (clock skew, or work the parent did not wait for) counts only inside the parent.
 * Zero-length stretches are left out. With several roots, time when none of them ran is on no span.
 * `tolerance` lets a child that overlaps the next one by a little still count as sequential (see the option).
 *
 * @example
 * // handler 0-100ms calls a (10-40ms), then b (40-90ms): path handler, a, handler, b, handler
 * criticalPath(trace).spans.map((span) => span.name); // ['handler', 'a', 'b']
 */
export function criticalPath(trace: Trace, options: CriticalPathModelOptions = {}): CriticalPath {
  const reversed: CriticalSegment[] = [];
  const chosen = new Map<Span | undefined, Span[]>();
  const window = { start: trace.startTimeUnixNano, end: trace.endTimeUnixNano };
  const tolerance = parseDuration(options.tolerance ?? 0, 'criticalPath(): option `tolerance`');
  walk(trace, undefined, trace.tops, window, { segments: reversed, chosen, tolerance });
  const segments = reversed.reverse();
  let durationNano = 0n;
  for (const segment of segments) durationNano += segment.endTimeUnixNano - segment.startTimeUnixNano;
  // A parent is on the path even when its children leave it no self time: list the chosen tree depth-first.
  const spans: Span[] = [];
  const stack = [...(chosen.get(undefined) ?? [])];
  while (stack.length > 0) {
    const span = stack.pop() as Span;
    spans.push(span);
    stack.push(...(chosen.get(span) ?? []));
  }
  return { segments, spans, durationNano };
}

/**
 * Options of {@link criticalPath}.
 *
 * @example
 * criticalPath(trace, { tolerance: '1ms' });
 */
export interface CriticalPathModelOptions {
  /**
   * How much a child may overlap the next child on the path and still count as having ended before it
   * (its end is cut there). Default 0. Use `'1ms'` for OpenTelemetry JS spans, whose start times are whole
   * milliseconds, so that calls made one after the other do not appear to overlap.
   */
  readonly tolerance?: DurationInput;
}

interface Walk {
  readonly tolerance: bigint;
  /** Segments, latest first. */
  readonly segments: CriticalSegment[];
  /** The children each span waited for, latest first. */
  readonly chosen: Map<Span | undefined, Span[]>;
}

/** Adds, latest first, the segments and chosen children of `span` (or of no span, for the trace's top level) inside `window`. */
function walk(trace: Trace, span: Span | undefined, children: readonly Span[], window: Interval, out: Walk): void {
  const clipped: { child: Span; interval: Interval }[] = [];
  for (const child of children) {
    const interval = clipInterval(spanInterval(child), window);
    if (interval && interval.end > interval.start) clipped.push({ child, interval });
  }
  // Latest end first; between equal ends the longer child, which explains more of the wait.
  clipped.sort((a, b) =>
    a.interval.end !== b.interval.end
      ? a.interval.end > b.interval.end
        ? -1
        : 1
      : a.interval.start < b.interval.start
        ? -1
        : a.interval.start > b.interval.start
          ? 1
          : 0,
  );
  let cursor = window.end;
  for (const { child, interval } of clipped) {
    if (interval.end > cursor + out.tolerance) continue; // overlaps the child already on the path
    const end = minBigInt(interval.end, cursor);
    if (end <= interval.start) continue;
    if (span && cursor > end) out.segments.push(segment(span, end, cursor));
    const list = out.chosen.get(span);
    if (list) list.push(child);
    else out.chosen.set(span, [child]);
    walk(trace, child, trace.children(child), { start: interval.start, end }, out);
    cursor = interval.start;
  }
  if (span && cursor > window.start) out.segments.push(segment(span, window.start, cursor));
}

function segment(span: Span, start: bigint, end: bigint): CriticalSegment {
  return { span, startTimeUnixNano: start, endTimeUnixNano: end };
}
