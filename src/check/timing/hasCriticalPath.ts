import { criticalPath } from '../../model/criticalPath.ts';
import { failureMarks } from '../../model/FailureMarks.ts';
import { isSpan } from '../../model/isSpan.ts';
import type { Span } from '../../model/Span.ts';
import type { Trace } from '../../model/Trace.ts';
import { formatDuration } from '../../model/time.ts';
import { describeSpan } from '../../render/describeSpan.ts';
import type { CheckResult } from '../CheckResult.ts';
import { checkMessage } from '../checkMessage.ts';
import { describeRef, refMatches } from '../expectation/resolveSpans.ts';
import type { SpanRef } from '../expectation/SpanRef.ts';
import { DEFAULT_CLOCK_RESOLUTION, type SkewOptions } from './clockSkew.ts';
import { timeline } from './timeline.ts';

/**
 * Options of {@link hasCriticalPath}.
 *
 * @example
 * expect(trace).toHaveCriticalPath([{ name: 'GET /stock' }], { exact: false, tolerance: 0 });
 */
export interface CriticalPathOptions extends SkewOptions {
  /**
   * `true` (default): the path is exactly these spans, in order. `false`: the path goes through these spans in
   * this order, with possibly other spans before, between and after them.
   */
  readonly exact?: boolean;
}

/**
 * Checks the critical path of a trace (see {@link criticalPath}): the spans it goes through, each given as a
 * span or a partial span, from the root down to what the end of the trace waited for. The message lists the
 * actual path with the time each span spent on it, and shows the path on the waterfall.
 *
 * @example
 * hasCriticalPath(trace, [{ name: 'POST /checkout' }, { name: 'GET /stock' }, { name: 'SELECT stock' }]);
 * hasCriticalPath(trace, [{ name: 'GET /stock' }], { exact: false });
 */
export function hasCriticalPath(
  trace: Trace,
  expected: readonly SpanRef[],
  options: CriticalPathOptions = {},
): CheckResult {
  if (!Array.isArray(expected)) {
    throw new TypeError(
      '[tracespec] toHaveCriticalPath(): expected a list of spans or partial spans, e.g. [{ name: "GET /stock" }].',
    );
  }
  const exact = options.exact ?? true;
  // One tolerance for the whole walk: the same-process default, so that real calls made one after the other
  // (whose start times the SDK rounds down to the millisecond) stay sequential on the path.
  const path = criticalPath(trace, { tolerance: options.tolerance ?? DEFAULT_CLOCK_RESOLUTION });
  const matches = (ref: SpanRef, span: Span) => refMatches(ref, span, trace);
  const pass = exact
    ? path.spans.length === expected.length && expected.every((ref, i) => matches(ref, path.spans[i] as Span))
    : isSubsequence(expected, path.spans, matches);
  const onPath = new Map<Span, bigint>();
  for (const segment of path.segments) {
    onPath.set(segment.span, (onPath.get(segment.span) ?? 0n) + segment.endTimeUnixNano - segment.startTimeUnixNano);
  }
  const marked = () => new Map<Span, string>(path.spans.map((span, i) => [span, `◀ path ${i + 1}`]));
  return {
    pass,
    marks: () => failureMarks(marked()),
    message: () => {
      const marks = marked();
      return checkMessage({
        expected: [
          `a critical path ${pass ? 'not ' : ''}${exact ? 'of exactly' : 'going through'}:`,
          ...expected.map((ref, i) => `  ${i + 1}. ${describeRef(ref)}`),
        ],
        received: [
          `the critical path (${formatDuration(path.durationNano)} of the trace's ${formatDuration(trace.durationNano)}) is:`,
          ...path.spans.map(
            (span, i) => `  ${i + 1}. ${describeSpan(span)}  (${formatDuration(onPath.get(span) ?? 0n)} on the path)`,
          ),
        ],
        blocks: [timeline(trace.spans, marks, trace)],
      });
    },
    actual: path.spans.map((span) => span.name),
    expected: expected.map((ref) =>
      typeof ref === 'string' ? ref : isSpan(ref) ? ref.name : (ref.name ?? describeRef(ref)),
    ),
  };
}

function isSubsequence(
  expected: readonly SpanRef[],
  path: readonly Span[],
  matches: (ref: SpanRef, span: Span) => boolean,
): boolean {
  let next = 0;
  for (const span of path) if (next < expected.length && matches(expected[next] as SpanRef, span)) next++;
  return next === expected.length;
}
