import type { Span } from '../../model/Span.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import { find } from '../../query/find.ts';
import { describeSpan } from '../../render/describeSpan.ts';
import type { CheckResult } from '../CheckResult.ts';
import type { SpanExpectation } from '../expectation/SpanExpectation.ts';
import { evaluate } from './closest.ts';

/**
 * The spans of `set` that match a partial span or a selector, trace by trace.
 *
 * @example
 * matchingSpans(strays, { service: 'inventory', kind: 'server' });
 */
export function matchingSpans(set: TraceSet, expected: SpanExpectation | string): Span[] {
  if (typeof expected === 'string') return find(set, expected);
  return evaluate(set, expected)
    .filter((candidate) => candidate.matched === candidate.fields.length)
    .map((candidate) => candidate.span);
}

/** At most this many stray matches are listed. */
const LISTED = 5;

/**
 * A failed span check of a test's traces, with what its message leaves out otherwise: matching spans that did
 * arrive, but in split-off traces no test claimed (`traces.strays()`). That is what a lost trace context looks like
 * from the test: the service's span is there, in a trace of its own. The note says so, and no more: the trace may
 * also be another test's, so it points at `toBeConnected`, which weighs the evidence.
 *
 * `strays` is read only when the message is built, and only when the test's own traces hold no match.
 *
 * @example
 * withStrayMatches(hasSpan(set, expected), set, expected, () => traces.strays());
 */
export function withStrayMatches(
  result: CheckResult,
  own: TraceSet,
  expected: SpanExpectation | string,
  strays: () => TraceSet | undefined,
): CheckResult {
  if (result.pass) return result;
  let note: string | undefined;
  let built = false;
  const noteOf = () => {
    if (built) return note;
    built = true;
    const set = strays();
    if (!set || set.size === 0 || matchingSpans(own, expected).length > 0) return undefined;
    const found = matchingSpans(set, expected);
    if (found.length === 0) return undefined;
    const lines = found.slice(0, LISTED).map((span) => `  ${describeSpan(span)} in trace ${span.traceId}`);
    if (found.length > LISTED) lines.push(`  … and ${found.length - LISTED} more`);
    const traces = new Set(found.map((span) => span.traceId)).size;
    const where = traces === 1 ? 'a split-off trace' : `${traces} split-off traces`;
    note = [
      `${found.length === 1 ? 'A matching span' : `${found.length} matching spans`} arrived in ${where} that no test claimed (traces().strays()):`,
      ...lines,
      `If ${found.length === 1 ? 'it is' : 'one is'} this test's, the trace context was lost on the way to it: expect(traces()).toBeConnected() names the hop and the cause.`,
    ].join('\n');
    return note;
  };
  return {
    ...result,
    message: () => {
      const extra = noteOf();
      return extra === undefined ? result.message() : `${result.message()}\n\n${extra}`;
    },
  };
}
