import { spanChanges, spanDetail } from './spanChanges.ts';
import type { SnapshotSpan, TraceSnapshot } from './TraceSnapshot.ts';

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
export function diffSnapshots(before: TraceSnapshot, after: TraceSnapshot): SnapshotChange[] {
  const { pairs, moved, gone, come } = pair(before, after);
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

/**
 * Internal, for the tests: which span of `before` became which span of `after` (`pairs` under the partner of its
 * parent, `moved` elsewhere), and the spans only in `before` (`gone`) or only in `after` (`come`), in tree order.
 *
 * @example
 * const { moved } = pairSnapshots(before, after);
 */
export function pairSnapshots(before: TraceSnapshot, after: TraceSnapshot): SnapshotPairing {
  const { pairs, moved, gone, come } = pair(before, after);
  const spans = (list: readonly [Node, Node][]) => list.map(([x, y]) => [x.span, y.span] as const);
  return {
    pairs: spans(pairs),
    moved: spans(moved),
    gone: [...gone].map((x) => x.span),
    come: [...come].map((y) => y.span),
  };
}

/** See {@link pairSnapshots}. */
export interface SnapshotPairing {
  readonly pairs: readonly (readonly [SnapshotSpan, SnapshotSpan])[];
  readonly moved: readonly (readonly [SnapshotSpan, SnapshotSpan])[];
  readonly gone: readonly SnapshotSpan[];
  readonly come: readonly SnapshotSpan[];
}

function pair(before: TraceSnapshot, after: TraceSnapshot) {
  const partner = new Map<Node, Node>();
  const pairs: [Node, Node][] = [];
  const poolA: Node[] = [];
  const poolB: Node[] = [];
  // First top-down: children of matched spans against each other, so that a change is found where it happened.
  const queue: [readonly Node[], readonly Node[]][] = [[tops(before), tops(after)]];
  for (let head = 0; head < queue.length; head++) {
    const [left, right] = queue[head] as [readonly Node[], readonly Node[]];
    const { matched, restA, restB } = match(left, right);
    for (const rest of restA) for (const node of subtree(rest)) poolA.push(node);
    for (const rest of restB) for (const node of subtree(rest)) poolB.push(node);
    for (const [x, y] of matched) {
      partner.set(x, y);
      pairs.push([x, y]);
      queue.push([children(x), children(y)]);
    }
  }
  // Then what is left, in tree order: a span with the same label elsewhere has moved (or its parent was renamed).
  // Preferred, in order: a span under the partner of the span's parent with the same detail, any span under that
  // partner, a span elsewhere with the same detail, any span elsewhere; the first in tree order of each.
  const taken = new Set<Node>();
  const byLabel = new Pick<string>(taken);
  const byDetail = new Pick<string>(taken);
  const byParent = new Pick<Node | undefined>(taken);
  const byParentDetail = new Pick<Node | undefined>(taken);
  for (const y of poolB) {
    byLabel.add(y.label, y);
    byDetail.add(y.label, y, y.detail);
    byParent.add(y.parent, y, y.label);
    byParentDetail.add(y.parent, y, JSON.stringify([y.label, y.detail]));
  }
  const moved: [Node, Node][] = [];
  for (const x of poolA) {
    const home = x.parent === undefined ? NO_PARENT : partner.get(x.parent);
    const under =
      home === NO_PARENT
        ? undefined
        : (byParentDetail.first(home, JSON.stringify([x.label, x.detail])) ?? byParent.first(home, x.label));
    const y = under ?? byDetail.first(x.label, x.detail) ?? byLabel.first(x.label);
    if (y === undefined) continue;
    taken.add(y);
    partner.set(x, y);
    if (under !== undefined) pairs.push([x, y]);
    else moved.push([x, y]);
  }
  const gone = new Set(poolA.filter((x) => !partner.has(x)));
  const come = new Set(poolB.filter((y) => !taken.has(y)));
  return { pairs, moved, gone, come };
}

/** Marks the partner lookup of a span with no parent: such a span has no partner's children to prefer. */
const NO_PARENT = Symbol('no parent');

/**
 * Nodes in tree order, grouped by a key (and a second key within it), from which the first node not yet taken is
 * picked: each lookup skips taken nodes once, so picking from n nodes is linear in all.
 */
class Pick<K> {
  readonly #groups = new Map<K, Map<string, { readonly nodes: Node[]; next: number }>>();
  readonly #taken: ReadonlySet<Node>;

  constructor(taken: ReadonlySet<Node>) {
    this.#taken = taken;
  }

  add(key: K, node: Node, within = ''): void {
    let group = this.#groups.get(key);
    if (!group) {
      group = new Map();
      this.#groups.set(key, group);
    }
    const list = group.get(within);
    if (list) list.nodes.push(node);
    else group.set(within, { nodes: [node], next: 0 });
  }

  first(key: K, within = ''): Node | undefined {
    const list = this.#groups.get(key)?.get(within);
    if (!list) return undefined;
    while (list.next < list.nodes.length && this.#taken.has(list.nodes[list.next] as Node)) list.next++;
    return list.nodes[list.next];
  }
}

/** The node and every node below it, in tree order (without recursion, for traces of any depth). */
function subtree(node: Node): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [node];
  for (let next = stack.pop(); next; next = stack.pop()) {
    out.push(next);
    const kids = children(next);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
  }
  return out;
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
  const matched: [Node, Node][] = [];
  const takenA = new Set<Node>();
  const takenB = new Set<Node>();
  const exact = new Pick<string>(takenB);
  const loose = new Pick<string>(takenB);
  for (const y of right) {
    exact.add(y.label, y, y.detail);
    loose.add(y.label, y);
  }
  for (const pick of [(x: Node) => exact.first(x.label, x.detail), (x: Node) => loose.first(x.label)]) {
    for (const x of left) {
      if (takenA.has(x)) continue;
      const y = pick(x);
      if (y === undefined) continue;
      matched.push([x, y]);
      takenA.add(x);
      takenB.add(y);
    }
  }
  return {
    matched,
    restA: left.filter((x) => !takenA.has(x)),
    restB: right.filter((y) => !takenB.has(y)),
  };
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
