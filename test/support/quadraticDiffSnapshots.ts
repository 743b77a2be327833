// The shape diff as it was written first (quadratic in the number of spans), kept as the oracle that the linear
// diff in src/snapshot/diffSnapshots.ts must agree with on every pair of trees.
import { spanChanges, spanDetail } from '../../src/snapshot/spanChanges.ts';
import type { SnapshotSpan, TraceSnapshot } from '../../src/snapshot/TraceSnapshot.ts';

/**
 * One difference between two trace shapes. `under` names the parent span (`(top)` for a root).
 *
 * @example
 * for (const change of diffSnapshots(before, after)) if (change.type === 'disappeared') console.log(change.span);
 */
export type SnapshotChange =
  | { readonly type: 'appeared' | 'disappeared'; readonly span: string; readonly under: string; readonly below: number }
  | {
      readonly type: 'moved';
      readonly span: string;
      readonly from: string;
      readonly to: string;
      readonly details: readonly string[];
    }
  | { readonly type: 'changed'; readonly span: string; readonly under: string; readonly details: readonly string[] };

interface Node {
  readonly span: SnapshotSpan;
  readonly parent: Node | undefined;
  readonly label: string;
  readonly detail: string;
}

const TOP = '(top)';

/**
 * The shape difference of two trace shapes as a tree diff: spans that appeared, disappeared, moved to another parent
 * or changed (status, attributes, events, links). Spans are matched top-down by service, kind and name, so that a
 * change deep in the tree is reported once, on the span it concerns.
 *
 * @example
 * const changes = diffSnapshots(normalizeTraces(before), normalizeTraces(after));
 * console.log(renderSnapshotDiff(changes));
 */
export function quadraticDiffSnapshots(before: TraceSnapshot, after: TraceSnapshot): SnapshotChange[] {
  const partner = new Map<Node, Node>();
  const pairs: [Node, Node][] = [];
  const poolA: Node[] = [];
  const poolB: Node[] = [];
  // First top-down: children of matched spans against each other, so that a change is found where it happened.
  const queue: [readonly Node[], readonly Node[]][] = [[tops(before), tops(after)]];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { matched, restA, restB } = match(next[0], next[1]);
    poolA.push(...restA.flatMap(subtree));
    poolB.push(...restB.flatMap(subtree));
    for (const [x, y] of matched) {
      partner.set(x, y);
      pairs.push([x, y]);
      queue.push([children(x), children(y)]);
    }
  }
  // Then what is left, in tree order: a span with the same label elsewhere has moved (or its parent was renamed).
  const moved: [Node, Node][] = [];
  for (const x of poolA) {
    const candidates = poolB.filter((y) => y.label === x.label);
    const underPartner = candidates.filter((y) => x.parent !== undefined && partner.get(x.parent) === y.parent);
    const y =
      underPartner.find((c) => c.detail === x.detail) ??
      underPartner[0] ??
      candidates.find((c) => c.detail === x.detail) ??
      candidates[0];
    if (y === undefined) continue;
    poolB.splice(poolB.indexOf(y), 1);
    partner.set(x, y);
    if (underPartner.includes(y)) pairs.push([x, y]);
    else moved.push([x, y]);
  }
  const gone = new Set(poolA.filter((x) => !partner.has(x)));
  const come = new Set(poolB);

  const changes: SnapshotChange[] = [];
  for (const node of gone) if (!node.parent || !gone.has(node.parent)) changes.push(added('disappeared', node, gone));
  for (const node of come) if (!node.parent || !come.has(node.parent)) changes.push(added('appeared', node, come));
  for (const [x, y] of moved) {
    changes.push({
      type: 'moved',
      span: x.label,
      from: x.parent?.label ?? TOP,
      to: y.parent?.label ?? TOP,
      details: spanChanges(x.span, y.span),
    });
  }
  for (const [x, y] of pairs) {
    if (x.detail !== y.detail) {
      changes.push({
        type: 'changed',
        span: y.label,
        under: y.parent?.label ?? TOP,
        details: spanChanges(x.span, y.span),
      });
    }
  }
  return changes;
}

function subtree(node: Node): Node[] {
  return [node, ...children(node).flatMap(subtree)];
}

/** An appeared or disappeared span, counting the spans below it that went with it. */
function added(type: 'appeared' | 'disappeared', node: Node, same: ReadonlySet<Node>): SnapshotChange {
  const below = subtree(node).filter((other) => other !== node && same.has(other)).length;
  const attributes = node.span.attributes.map((a) => `${a.key}: ${a.value}`).join(', ');
  const span = attributes === '' ? node.label : `${node.label} {${attributes}}`;
  return { type, span, under: node.parent?.label ?? TOP, below };
}

/** Pairs equal spans first (same label and detail), then spans with the same label, in order. */
function match(left: readonly Node[], right: readonly Node[]) {
  const restA = [...left];
  const restB = [...right];
  const matched: [Node, Node][] = [];
  for (const exact of [true, false]) {
    for (const x of [...restA]) {
      const index = restB.findIndex((y) => y.label === x.label && (!exact || y.detail === x.detail));
      if (index === -1) continue;
      matched.push([x, restB[index] as Node]);
      restA.splice(restA.indexOf(x), 1);
      restB.splice(index, 1);
    }
  }
  return { matched, restA, restB };
}

function tops(shape: TraceSnapshot): Node[] {
  return shape.traces.flatMap((trace) => trace.tops.map((span) => node(span, undefined)));
}

// Memo: a node's children, a pure function of the node (entries go with the nodes of one diff).
const CHILDREN = new WeakMap<Node, Node[]>();
function children(parent: Node): Node[] {
  let list = CHILDREN.get(parent);
  if (!list) {
    list = parent.span.children.map((span) => node(span, parent));
    CHILDREN.set(parent, list);
  }
  return list;
}

function node(span: SnapshotSpan, parent: Node | undefined): Node {
  const label = `${span.service} ${span.kind} ${JSON.stringify(span.name)}`;
  return { span, parent, label, detail: spanDetail(span) };
}
