import { failureMarks } from '../../model/FailureMarks.ts';
import type { Span } from '../../model/Span.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import { describeSpan } from '../../render/describeSpan.ts';
import { renderTraces } from '../../render/renderTraces.ts';
import type { CheckResult } from '../CheckResult.ts';
import { checkMessage } from '../checkMessage.ts';
import { explainShape } from './shape/explainShape.ts';
import type { NormalShape } from './shape/NormalShape.ts';
import { normalizeShape } from './shape/normalizeShape.ts';
import { renderShape } from './shape/renderShape.ts';
import type { RejectedCandidate, ShapeFailure } from './shape/ShapeFailure.ts';
import { ShapeMatcher } from './shape/ShapeMatcher.ts';
import type { ShapeNode, TreeShapeOptions } from './shape/SpanShape.ts';

/**
 * Checks that the traces hold a span tree of this shape: nested partial spans (or selectors) with `children` and
 * `descendants`. Children match in any order by default (a real assignment is searched, not a greedy first fit);
 * extra spans are allowed unless `mode: 'exact'`. A failure shows the expected shape and the actual tree, and the
 * deepest shape node that could not be matched with each candidate span and why it was rejected.
 *
 * @example
 * hasSpanTree(traceSet, {
 *   name: 'POST /checkout',
 *   children: [{ name: 'SELECT cart' }, { service: 'payments', name: 'POST /charge' }],
 * });
 */
export function hasSpanTree(set: TraceSet, shape: ShapeNode, options: TreeShapeOptions = {}): CheckResult {
  const resolved = resolveOptions(options);
  const root = normalizeShape(shape);
  const matchers = set.traces.map((trace) => new ShapeMatcher(trace, resolved));
  const roots = (matcher: ShapeMatcher): readonly Span[] =>
    resolved.mode === 'exact' ? matcher.trace.tops : matcher.trace.spans;
  for (const matcher of matchers) {
    const found = roots(matcher).find((span) => matcher.matches(root, span));
    if (found !== undefined) {
      // The assignment is only needed to explain a pass (for .not), so it is computed on demand.
      return {
        pass: true,
        message: () => describePass(set, root, resolved, found, matcher.assignment(root, found)),
        marks: () => failureMarks(assignedSpans(matcher.assignment(root, found))),
      };
    }
  }
  const failure = explainShape(matchers, root, roots);
  return {
    pass: false,
    message: () => describeFailure(set, root, resolved, failure),
    marks: () => failureMarks(failureSpans(failure)),
  };
}

function assignedSpans(assignment: ReadonlyMap<Span, NormalShape>): Map<Span, string> {
  const marks = new Map<Span, string>();
  for (const [span, node] of assignment) marks.set(span, `◀ ${node.label}`);
  return marks;
}

function failureSpans(failure: ShapeFailure): Map<Span, string> {
  const marks = assignedSpans(failure.matched);
  for (const [i, candidate] of failure.candidates.entries()) {
    if (!marks.has(candidate.span)) marks.set(candidate.span, `◀ candidate ${i + 1}`);
  }
  return marks;
}

function resolveOptions(options: TreeShapeOptions): Required<TreeShapeOptions> {
  const mode = options.mode ?? 'subset';
  const order = options.order ?? 'any';
  if (mode !== 'subset' && mode !== 'exact') {
    throw new TypeError(
      `[tracespec] toHaveSpanTree(): option \`mode\` must be 'subset' or 'exact', got ${JSON.stringify(mode)}.`,
    );
  }
  if (order !== 'any' && order !== 'ordered') {
    throw new TypeError(
      `[tracespec] toHaveSpanTree(): option \`order\` must be 'any' or 'ordered', got ${JSON.stringify(order)}.`,
    );
  }
  return { mode, order };
}

function heading(options: Required<TreeShapeOptions>): string {
  return `span tree matching the shape (${options.mode} mode, children in ${options.order === 'any' ? 'any order' : 'order'})`;
}

function describePass(
  set: TraceSet,
  root: NormalShape,
  options: Required<TreeShapeOptions>,
  found: Span,
  assignment: ReadonlyMap<Span, NormalShape>,
): string {
  const marks = assignedSpans(assignment);
  return checkMessage({
    expected: `no ${heading(options)}`,
    received: `it matches at ${describeSpan(found)}`,
    blocks: [
      ['Expected shape:', renderShape(root)],
      ['Received:', renderTraces(set, { marks })],
    ],
  });
}

function describeFailure(
  set: TraceSet,
  root: NormalShape,
  options: Required<TreeShapeOptions>,
  failure: ShapeFailure,
): string {
  const where =
    failure.under === undefined
      ? failure.relation === 'root'
        ? 'as the root of the shape'
        : ''
      : `${failure.relation === 'child' ? 'as a child of' : 'below'} ${describeSpan(failure.under)}`;
  const what =
    failure.problem !== undefined
      ? `${failure.node.label} ${failure.problem}`
      : failure.emptyParent && failure.under !== undefined
        ? `${describeSpan(failure.under)} has no ${failure.relation === 'child' ? 'children' : 'spans below it'}, so no span fits ${failure.node.label}`
        : `no span fits ${failure.node.label} ${where}`;
  const shapeMarks = new Map<NormalShape, string>();
  for (const node of failure.matched.values()) shapeMarks.set(node, '✓');
  for (const group of failure.unplaced ?? []) for (const node of group.nodes) shapeMarks.set(node, '✗ no match');
  shapeMarks.set(failure.node, failure.problem === undefined ? '✗ no match' : `✗ ${failure.problem}`);
  const unplaced = failure.unplaced ?? [];
  const missingCount = unplaced.reduce((sum, group) => sum + group.nodes.length, 0);
  const marks = failureSpans(failure);
  const name = failure.node.expectation.name;
  const text = failure.node.selectorText;
  const subject = failure.problem === undefined ? `for ${failure.node.label}` : `of ${failure.node.label}`;
  return checkMessage({
    expected: `a ${heading(options)}`,
    received: `no match; the deepest shape node that could not be matched: ${what}`,
    blocks: [
      ['Expected shape:', renderShape(root, shapeMarks)],
      ['Received:', renderTraces(set, { marks })],
      typeof name === 'string' && /^[[:]|[\]>~,]/.test(name)
        ? `Hint: ${JSON.stringify(name)} is matched as a span name; for a selector write { selector: ${JSON.stringify(name)} }.`
        : undefined,
      failure.relation === 'root' && failure.problem === undefined && options.mode === 'exact'
        ? "In mode 'exact' the shape's root must be a top of a trace (a root or an orphan); only those were tried."
        : undefined,
      text !== undefined && set.traces.some((trace) => trace.spans.some((item) => item.name === text))
        ? `Hint: ${JSON.stringify(text)} is read as a selector; for the span name write { name: ${JSON.stringify(text)} }.`
        : undefined,
      missingCount > 1
        ? [
            `Not placed (${missingCount} shape nodes):`,
            ...unplaced.map(
              (group) =>
                `  ${group.relation === 'child' ? 'as children of' : 'below'} ${describeSpan(group.under)}: ${group.nodes.map((node) => node.label).join(', ')}`,
            ),
          ]
        : undefined,
      failure.candidates.length > 0
        ? [`Candidates ${subject}:`, ...failure.candidates.map((c, i) => describeCandidateLine(c, i + 1))]
        : failure.problem === undefined
          ? `There were no spans to try ${where || 'in the traces'}.`
          : undefined,
    ],
  });
}

function describeCandidateLine(candidate: RejectedCandidate, index: number): string {
  return `  ${index}. ${describeSpan(candidate.span)} — ${candidate.reason}`;
}
