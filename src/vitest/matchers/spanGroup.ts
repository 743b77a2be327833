import { resolveSpans } from '../../check/expectation/resolveSpans.ts';
import type { SpanRef } from '../../check/expectation/SpanRef.ts';
import type { Span } from '../../model/Span.ts';
import type { GroupSubject } from '../subjects/toSubject.ts';

/**
 * The group a group matcher checks: the spans it received (then every argument is left for the check), or the
 * spans of the traces that its first argument, a partial span or a selector, points at. `single` says whether
 * one span alone is a group (`toHaveDuration`) or a mistake (`toRunInParallel` needs an array).
 *
 * @example
 * const { group, rest } = spanGroup(subject, args, 'toRunInParallel', false);
 */
export function spanGroup(
  subject: GroupSubject,
  args: readonly unknown[],
  matcher: string,
  single: boolean,
): { group: readonly Span[]; rest: readonly unknown[] } {
  if (subject.single && !single) {
    throw new TypeError(
      `[tracespec] ${matcher}() expects an array of recorded spans or the traces (a Trace, a TraceSet or the \`traces\` fixture), but received a single span.`,
    );
  }
  if (subject.spans !== undefined) return { group: subject.spans, rest: args };
  const [ref, ...rest] = args;
  if (typeof ref !== 'string' && (typeof ref !== 'object' || ref === null)) {
    throw new TypeError(
      `[tracespec] ${matcher}(): on traces, say which spans form the group first, e.g. expect(traces).${matcher}({ name: 'GET', kind: 'client' }).`,
    );
  }
  return { group: resolveSpans(subject.scope, ref as SpanRef), rest };
}
