import { resolveSpans } from '../../check/expectation/resolveSpans.ts';
import type { SpanRef } from '../../check/expectation/SpanRef.ts';
import type { Span } from '../../model/Span.ts';
import { Trace } from '../../model/Trace.ts';
import { isSpan, isTracesLike, toTraceSet } from '../../model/TracesLike.ts';

/**
 * Reads what a group matcher received: an array of spans (then the first argument is the options), or traces
 * (a Trace, a TraceSet or the `traces` fixture; then the first argument, a partial span or a selector, says
 * which spans form the group).
 * Returns the group and the arguments that remain.
 *
 * @example
 * const { group, rest } = toSpanGroup(received, args, 'toRunInParallel');
 */
export function toSpanGroup(
  received: unknown,
  args: readonly unknown[],
  matcher: string,
): { group: Span[]; rest: readonly unknown[] } {
  if (Array.isArray(received)) {
    const notSpan = received.findIndex((item) => !isSpan(item));
    if (notSpan !== -1) {
      throw new TypeError(
        `[tracespec] ${matcher}() received an array whose item ${notSpan} is not a recorded span. Pass recorded spans, or the traces and which spans to take: expect(traces).${matcher}({ kind: 'client' }).`,
      );
    }
    return { group: received as Span[], rest: args };
  }
  if (isTracesLike(received)) {
    const [ref, ...rest] = args;
    if (typeof ref !== 'string' && (typeof ref !== 'object' || ref === null)) {
      throw new TypeError(
        `[tracespec] ${matcher}(): on traces, say which spans form the group first, e.g. expect(traces).${matcher}({ name: 'GET', kind: 'client' }).`,
      );
    }
    const scope = Trace.is(received) ? received : toTraceSet(received, matcher);
    return { group: resolveSpans(scope, ref as SpanRef), rest };
  }
  throw new TypeError(
    `[tracespec] ${matcher}() expects an array of recorded spans or the traces (a Trace, a TraceSet or the \`traces\` fixture), but received ${isSpan(received) ? 'a single span' : typeof received}.`,
  );
}
