import { failureMarks } from '../../model/FailureMarks.ts';
import type { Span } from '../../model/Span.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import { renderTraces } from '../../render/renderTraces.ts';
import type { CheckResult } from '../CheckResult.ts';
import { checkMessage } from '../checkMessage.ts';
import {
  type CountOptions,
  countSatisfies,
  describeCount,
  isDefaultCount,
  validateCountOptions,
} from '../expectation/countExpectation.ts';
import { describeExpectation } from '../expectation/describeExpectation.ts';
import type { SpanExpectation } from '../expectation/SpanExpectation.ts';
import { type Candidate, closestCandidates, describeCandidate, evaluate, expectedShape, project } from './closest.ts';
import { hasSelectedSpan } from './hasSelectedSpan.ts';

/**
 * Checks that the traces hold a span matching a partial span or a selector (by default at least one; see
 * {@link CountOptions}). The message shows the trace tree with the matches or the closest candidates marked, and
 * what differed.
 *
 * @example
 * const result = hasSpan(traceSet, { name: 'GET /orders', kind: 'server' });
 * const viaSelector = hasSpan(traceSet, '[service=orders] > [db.system=postgresql]');
 * if (!result.pass) console.log(result.message());
 */
export function hasSpan(set: TraceSet, expected: SpanExpectation | string, options: CountOptions = {}): CheckResult {
  if (typeof expected === 'string') return hasSelectedSpan(set, expected, options);
  validateCountOptions(options, 'toHaveSpan');
  const candidates = evaluate(set, expected);
  const matches = candidates.filter((candidate) => candidate.matched === candidate.fields.length);
  const pass = countSatisfies(matches.length, options);
  const closest = matches.length === 0 ? closestCandidates(candidates) : [];
  const best = closest[0];
  return {
    pass,
    message: () => describe(set, expected, options, matches, closest, pass),
    marks: () => failureMarks(markedSpans(matches, closest)),
    ...(best ? { actual: project(best), expected: expectedShape(best) } : {}),
  };
}

function describe(
  set: TraceSet,
  expected: SpanExpectation,
  options: CountOptions,
  matches: readonly Candidate[],
  closest: readonly Candidate[],
  pass: boolean,
): string {
  const n = options.times ?? options.atMost ?? options.atLeast ?? 1;
  const counted = `${pass ? 'not ' : ''}${describeCount(options)} span${n === 1 ? '' : 's'}`;
  const quantity = isDefaultCount(options) ? (pass ? 'no span' : 'a span') : counted;
  const total = set.traces.reduce((sum, trace) => sum + trace.size, 0);
  const marks = markedSpans(matches, closest);
  return checkMessage({
    expected: `${quantity} matching ${describeExpectation(expected)}`,
    received:
      matches.length === 0
        ? `no matching span among ${total} span${total === 1 ? '' : 's'} in ${set.size} trace${set.size === 1 ? '' : 's'}`
        : `${matches.length} matching span${matches.length === 1 ? '' : 's'}`,
    blocks: [
      closest.length > 0
        ? ['Closest spans:', ...closest.map((candidate, i) => describeCandidate(candidate, i + 1))]
        : undefined,
      renderTraces(set, { marks, attributes: Object.keys(expected.attributes ?? {}) }),
    ],
  });
}

function markedSpans(matches: readonly Candidate[], closest: readonly Candidate[]): Map<Span, string> {
  const marks = new Map<Span, string>();
  for (const [i, match] of matches.entries()) marks.set(match.span, `◀ match ${i + 1}`);
  for (const [i, candidate] of closest.entries()) marks.set(candidate.span, `◀ closest ${i + 1}`);
  return marks;
}
