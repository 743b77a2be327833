import type { Span } from '../../model/Span.ts';
import type { Trace } from '../../model/Trace.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import { describeSpan } from '../../render/describeSpan.ts';
import { describeExpected, describeValue } from '../expectation/asymmetric.ts';
import { compareSpan, type FieldComparison } from '../expectation/compareSpan.ts';
import { projectFields } from '../expectation/projectFields.ts';
import type { SpanExpectation } from '../expectation/SpanExpectation.ts';

/** A span compared with an expectation, and how well it did. */
export interface Candidate {
  readonly span: Span;
  readonly trace: Trace;
  readonly fields: readonly FieldComparison[];
  readonly matched: number;
  /** Matched fields weighted: the name counts most, since a span with the right name is what the user meant. */
  readonly score: number;
}

const WEIGHT: Readonly<Record<string, number>> = { name: 3 };

/** Evaluates an expectation over every span of every trace, in tree order. */
export function evaluate(set: TraceSet, expected: SpanExpectation): Candidate[] {
  const candidates: Candidate[] = [];
  for (const trace of set) {
    for (const span of trace.spans) {
      const fields = compareSpan(expected, span, trace);
      let matched = 0;
      let score = 0;
      for (const field of fields) {
        if (!field.ok) continue;
        matched++;
        score += WEIGHT[field.path] ?? 1;
      }
      candidates.push({ span, trace, fields, matched, score });
    }
  }
  return candidates;
}

/** The candidates that match the most fields (without matching all), best first, at most `limit`. */
export function closestCandidates(candidates: readonly Candidate[], limit = 3): Candidate[] {
  const misses = candidates.filter((candidate) => candidate.matched < candidate.fields.length && candidate.matched > 0);
  // A stable sort keeps tree order between equally good candidates.
  return misses.sort((a, b) => b.score - a.score).slice(0, limit);
}

/** "1 of 3 fields differs" plus one line per differing field. */
export function describeCandidate(candidate: Candidate, index: number, indent = '  '): string {
  const differing = candidate.fields.filter((field) => !field.ok);
  const head = `${indent}${index}. ${describeSpan(candidate.span)} — ${differing.length} of ${candidate.fields.length} field${candidate.fields.length === 1 ? '' : 's'} differ${differing.length === 1 ? 's' : ''}`;
  const lines = differing.map(
    (field) =>
      `${indent}     ${field.path}: expected ${describeExpected(field.expected)}, received ${describeValue(field.actual)}`,
  );
  return [head, ...lines].join('\n');
}

/** The span's values at the expectation's paths, in the expectation's shape: what the runner diffs against. */
export function project(candidate: Candidate): Record<string, unknown> {
  return projectFields(candidate.fields, 'actual');
}

/** The expectation in the same flattened shape as {@link project}, for a readable diff. */
export function expectedShape(candidate: Candidate): Record<string, unknown> {
  return projectFields(candidate.fields, 'expected');
}
