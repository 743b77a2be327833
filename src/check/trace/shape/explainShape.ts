import type { Span } from '../../../model/Span.ts';
import type { Trace } from '../../../model/Trace.ts';
import { matchesSelector } from '../../../query/find.ts';
import { selectorMiss } from '../../../query/nearestSpans.ts';
import { describeExpected, describeValue } from '../../expectation/asymmetric.ts';
import { compareSpan } from '../../expectation/compareSpan.ts';
import type { NormalShape } from './NormalShape.ts';
import type { RejectedCandidate, ShapeFailure, UnplacedGroup } from './ShapeFailure.ts';
import type { ShapeMatcher } from './ShapeMatcher.ts';

const MAX_CANDIDATES = 6;
/** How many near-miss spans are followed down at each level; bounds the cost of explaining wide, deep traces. */
const MAX_FOLLOWED = 4;

/**
 * Why the shape's root matched none of `roots`: follows every root candidate whose own fields match down to the
 * deepest shape node that could not be placed, and keeps the deepest of those.
 */
export function explainShape(
  matchers: readonly ShapeMatcher[],
  root: NormalShape,
  roots: (matcher: ShapeMatcher) => readonly Span[],
): ShapeFailure {
  let deepest: ShapeFailure | undefined;
  for (const matcher of matchers) {
    let followed = 0;
    for (const span of roots(matcher)) {
      if (!matcher.fieldsMatch(root, span) || followed++ >= MAX_FOLLOWED) continue;
      const failure = explainSpan(matcher, root, span, 0, new Map(), 'root', undefined);
      if (deepest === undefined || failure.depth > deepest.depth) deepest = failure;
    }
  }
  if (deepest !== undefined) return deepest;
  const candidates = matchers.flatMap((matcher) =>
    roots(matcher).map((span) => ({ span, ...fieldScore(matcher, root, span) })),
  );
  return {
    node: root,
    relation: 'root',
    depth: 0,
    matched: new Map(),
    candidates: best(candidates),
  };
}

/** `node` matched `span` by its fields but not below: find which node underneath failed, as deep as possible. */
function explainSpan(
  matcher: ShapeMatcher,
  node: NormalShape,
  span: Span,
  depth: number,
  matched: ReadonlyMap<Span, NormalShape>,
  relation: ShapeFailure['relation'],
  under: Span | undefined,
): ShapeFailure {
  const here = { trace: matcher.trace, relation, depth, ...(under === undefined ? {} : { under }) };
  const path = new Map(matched).set(span, node);
  const kids = matcher.trace.children(span);
  const exactCount = matcher.mode === 'exact' && node.descendants.length === 0;
  if (node.children.length > 0 || exactCount) {
    const pairing = matcher.pairChildren(node, span);
    const missing = node.children.findIndex((_, i) => pairing.assigned[i] === -1);
    if (missing !== -1) {
      return explainMissing(matcher, node, missing, span, pairing.spans, pairing.assigned, depth, path, 'child');
    }
    if (exactCount && kids.length !== node.children.length) {
      const taken = new Set([...pairing.assigned].map((i) => pairing.spans[i]));
      return {
        node,
        ...here,
        matched: path,
        problem: `has ${count(kids.length, 'child', 'children')}, the shape lists ${node.children.length} (mode: exact)`,
        candidates: kids.filter((kid) => !taken.has(kid)).map((kid) => ({ span: kid, reason: 'not in the shape' })),
      };
    }
  }
  const below = matcher.pairDescendants(node, span);
  const missing = node.descendants.findIndex((_, i) => below.assigned[i] === -1);
  if (missing !== -1) {
    return explainMissing(matcher, node, missing, span, below.spans, below.assigned, depth, path, 'descendant');
  }
  return { node, ...here, matched: path, candidates: [], problem: 'does not match (no single cause found)' };
}

function explainMissing(
  matcher: ShapeMatcher,
  parent: NormalShape,
  missing: number,
  span: Span,
  spans: readonly Span[],
  assigned: Int32Array,
  depth: number,
  path: ReadonlyMap<Span, NormalShape>,
  relation: 'child' | 'descendant',
): ShapeFailure {
  const nodes = relation === 'child' ? parent.children : parent.descendants;
  const node = nodes[missing] as NormalShape;
  const group: UnplacedGroup = { under: span, relation, nodes: nodes.filter((_, i) => assigned[i] === -1) };
  const owner = new Map<number, NormalShape>();
  for (const [i, at] of assigned.entries()) if (at !== -1) owner.set(at, nodes[i] as NormalShape);
  const previous = relation === 'child' && matcher.order === 'ordered' ? lastAssignedBefore(assigned, missing) : -1;
  let deepest: ShapeFailure | undefined;
  let followed = 0;
  const scored: (RejectedCandidate & { score: number })[] = [];
  for (const [i, candidate] of spans.entries()) {
    if (!matcher.fieldsMatch(node, candidate)) {
      scored.push({ span: candidate, ...fieldScore(matcher, node, candidate) });
      continue;
    }
    if (!matcher.matches(node, candidate)) {
      if (followed++ < MAX_FOLLOWED) {
        const failure = explainSpan(matcher, node, candidate, depth + 1, path, relation, span);
        if (deepest === undefined || failure.depth > deepest.depth) deepest = failure;
      }
      scored.push({
        span: candidate,
        score: Number.MAX_SAFE_INTEGER - 1,
        reason: 'matches, but not below it (see the deeper node)',
      });
      continue;
    }
    const taker = owner.get(i);
    const reason =
      taker !== undefined
        ? `matches, but is taken by ${taker.label}`
        : previous !== -1 && i <= previous
          ? `matches, but comes before the span matched by ${nodes[lastAssignedNode(assigned, missing)]?.label ?? 'the previous node'} (order: ordered)`
          : 'matches, but the order or count of its siblings does not fit';
    scored.push({ span: candidate, score: Number.MAX_SAFE_INTEGER, reason });
  }
  if (deepest !== undefined) {
    // The node followed down is explained below; its unplaced siblings here are missing too.
    const siblings = group.nodes.filter((other) => other !== node);
    return siblings.length === 0
      ? deepest
      : { ...deepest, unplaced: [...(deepest.unplaced ?? []), { ...group, nodes: siblings }] };
  }
  return {
    node,
    trace: matcher.trace,
    under: span,
    relation,
    depth: depth + 1,
    matched: path,
    candidates: best(scored),
    unplaced: [group],
    ...(spans.length === 0 ? { emptyParent: true } : {}),
  };
}

function lastAssignedBefore(assigned: Int32Array, missing: number): number {
  for (let i = missing - 1; i >= 0; i--) if ((assigned[i] as number) !== -1) return assigned[i] as number;
  return -1;
}

function lastAssignedNode(assigned: Int32Array, missing: number): number {
  for (let i = missing - 1; i >= 0; i--) if ((assigned[i] as number) !== -1) return i;
  return -1;
}

/** How many of the node's fields the span matches, and the differing ones as the reason. */
function fieldScore(matcher: ShapeMatcher, node: NormalShape, span: Span): { score: number; reason: string } {
  const trace: Trace = matcher.trace;
  const fields = compareSpan(node.expectation, span, trace);
  const differing = fields.filter((field) => !field.ok);
  const reasons = differing.map(
    (field) => `${field.path}: expected ${describeExpected(field.expected)}, received ${describeValue(field.actual)}`,
  );
  const selectorOk = node.selector === undefined || matchesSelector(span, node.selector, trace);
  if (!selectorOk && node.selector !== undefined) {
    reasons.push(`selector ${JSON.stringify(node.selectorText)}: ${selectorMiss(trace, span, node.selector)}`);
  }
  const score = fields.length - differing.length + (node.selector !== undefined && selectorOk ? 1 : 0);
  return { score, reason: reasons.join('; ') || 'fields differ' };
}

function best(candidates: readonly (RejectedCandidate & { score: number })[]): RejectedCandidate[] {
  // A stable sort keeps sibling order between equally close spans.
  return [...candidates]
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_CANDIDATES)
    .map(({ span, reason }) => ({ span, reason }));
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
