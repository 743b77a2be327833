import type { Attributes, Span } from '../model/Span.ts';
import type { TraceSet } from '../model/TraceSet.ts';
import { bucketDuration } from './bucketDuration.ts';
import { defaultRedactions } from './defaultRedactions.ts';
import { formatSnapshotValue } from './formatSnapshotValue.ts';
import type { RedactionRule } from './RedactionRule.ts';
import { redactAttribute, redactText } from './redact.ts';
import type { SnapshotOptions } from './SnapshotOptions.ts';
import { selectAttributes } from './selectAttributes.ts';
import {
  brandSnapshot,
  type SnapshotAttribute,
  type SnapshotEvent,
  type SnapshotSpan,
  type SnapshotTrace,
  type TraceSnapshot,
} from './TraceSnapshot.ts';

/** A span being normalized: what it shows, plus what is needed to resolve links once spans are numbered. */
interface Draft {
  readonly span: Span;
  readonly shown: Omit<SnapshotSpan, 'ref' | 'children' | 'links' | 'linked'>;
  readonly links: readonly { traceId: string; spanId: string; attributes: readonly SnapshotAttribute[] }[];
  readonly children: Draft[];
  readonly key: string;
}

/**
 * The shape of a set of traces, stable by construction: ids become numbers in tree order, times are left out
 * (durations optionally bucketed), volatile values become placeholders, siblings are ordered by the content of their
 * subtree (never by time), and traces by the content of their tops.
 *
 * @example
 * const shape = normalizeTraces(traces.traceSet(), { attributes: { include: ['http.route'] } });
 * console.log(renderSnapshot(shape));
 */
export function normalizeTraces(set: TraceSet, options: SnapshotOptions = {}): TraceSnapshot {
  const rules = options.redact === false ? [] : (options.redact ?? defaultRedactions);
  const drafts = draftTraces(set, options, rules);
  drafts.sort((a, b) => compareKeys(a.key, b.key));

  const refs = new Map<string, number>();
  // Numbers are only needed to resolve links; without any link, skip building them.
  const hasLinks = set.traces.some((trace) => trace.spans.some((span) => span.links.length > 0));
  let next = 1;
  const number = (draft: Draft) => {
    const id = `${draft.span.traceId}/${draft.span.spanId}`;
    if (!refs.has(id)) refs.set(id, next);
    next++;
    for (const child of draft.children) number(child);
  };
  if (hasLinks) for (const trace of drafts) for (const top of trace.tops) number(top);

  const linked = new Set<number>();
  if (options.links !== false && hasLinks) {
    for (const trace of drafts) for (const top of trace.tops) collectTargets(top, refs, linked);
  }
  let position = 1;
  const finish = (draft: Draft): SnapshotSpan => {
    const ref = position++;
    return {
      ref,
      ...draft.shown,
      links: draft.links.map((link) => ({
        target: refs.get(`${link.traceId}/${link.spanId}`),
        attributes: link.attributes,
      })),
      linked: linked.has(ref),
      children: draft.children.map(finish),
    };
  };
  const traces: SnapshotTrace[] = drafts.map((trace) => ({ tops: trace.tops.map(finish), size: trace.size }));
  return brandSnapshot(traces);
}

function collectTargets(draft: Draft, refs: ReadonlyMap<string, number>, into: Set<number>): void {
  for (const link of draft.links) {
    const target = refs.get(`${link.traceId}/${link.spanId}`);
    if (target !== undefined) into.add(target);
  }
  for (const child of draft.children) collectTargets(child, refs, into);
}

/** What a span shows, before siblings are ordered. */
interface Shown {
  readonly span: Span;
  readonly shown: Draft['shown'];
  readonly links: Draft['links'];
  /** Everything printed for the span itself (no numbers, no children). */
  readonly own: string;
}

/**
 * Drafts every trace of the set. Siblings are ordered by content: first by what the span itself prints, then by
 * the content of its subtree, compared through ranks given level by level from the leaves up (the classic tree
 * canonization), so that a key never holds the keys of a whole subtree and stays small on traces of any size.
 */
function draftTraces(
  set: TraceSet,
  options: SnapshotOptions,
  rules: readonly RedactionRule[],
): { tops: Draft[]; size: number; key: string }[] {
  // Every span gets an id: its trace's offset plus its position in tree order; all tables are arrays by id.
  const spans: Span[] = [];
  const info: Shown[] = [];
  const parent: number[] = [];
  const offsets: number[] = [];
  for (const trace of set.traces) {
    const offset = spans.length;
    offsets.push(offset);
    const orphans = new Set(trace.orphans);
    const duplicates = new Set(trace.duplicates);
    const up = trace.parentPositions();
    for (const [position, span] of trace.spans.entries()) {
      spans.push(span);
      info.push(shownOf(span, orphans, duplicates, options, rules));
      const p = up[position] as number;
      parent.push(p < 0 ? -1 : offset + p);
    }
  }
  const count = spans.length;
  const height = new Int32Array(count);
  const rank = new Int32Array(count);
  const children: number[][] = Array.from({ length: count }, () => []);
  // Tree order puts children after their parent, so a backward pass sees every child before its parent.
  for (let id = count - 1; id >= 0; id--) {
    const p = parent[id] as number;
    if (p < 0) continue;
    (children[p] as number[]).push(id);
    if ((height[id] as number) + 1 > (height[p] as number)) height[p] = (height[id] as number) + 1;
  }
  const byHeight: number[][] = [];
  for (let id = 0; id < count; id++) {
    const h = height[id] as number;
    const level = byHeight[h];
    if (level) level.push(id);
    else byHeight[h] = [id];
  }
  const order = (a: number, b: number) =>
    compareKeys((info[a] as Shown).own, (info[b] as Shown).own) ||
    (height[a] as number) - (height[b] as number) ||
    (rank[a] as number) - (rank[b] as number);
  for (const level of byHeight) {
    if (!level) continue;
    const tuples: string[] = [];
    for (const id of level) {
      const kids = (children[id] as number[]).sort(order);
      let tuple = (info[id] as Shown).own;
      if (kids.length > 0) tuple += `\u0000${kids.map((kid) => `${height[kid]}.${rank[kid]}`).join(',')}`;
      tuples.push(tuple);
    }
    const distinct = [...new Set(tuples)].sort(compareKeys);
    const rankOf = new Map(distinct.map((tuple, i) => [tuple, i]));
    for (const [i, id] of level.entries()) rank[id] = rankOf.get(tuples[i] as string) as number;
  }
  const build = (id: number): Draft => {
    const { span, shown, links } = info[id] as Shown;
    const kids = (children[id] as number[]).map(build);
    return { span, shown, links, children: kids, key: `${height[id]}.${rank[id]}` };
  };
  return set.traces.map((trace, t) => {
    const offset = offsets[t] as number;
    const tops = trace.tops.map((top) => offset + trace.indexOf(top)).sort(order);
    const key = JSON.stringify(tops.map((top) => [(info[top] as Shown).own, height[top], rank[top]]));
    return { tops: tops.map(build), size: trace.size, key };
  });
}

function shownOf(
  span: Span,
  orphans: ReadonlySet<Span>,
  duplicates: ReadonlySet<Span>,
  options: SnapshotOptions,
  rules: readonly RedactionRule[],
): Shown {
  const flags: string[] = [];
  if (orphans.has(span)) flags.push('orphan');
  if (duplicates.has(span)) flags.push('duplicate id');
  if (!span.ended) flags.push('not ended');
  const shown = {
    service: span.service,
    kind: span.kind,
    name: redactText(span.name, rules),
    status:
      span.status.message === undefined || span.status.message === ''
        ? { code: span.status.code }
        : { code: span.status.code, message: redactText(span.status.message, rules) },
    attributes: shapeAttributes(span.attributes, options, rules),
    events:
      options.events === false
        ? []
        : span.events.map(
            (event): SnapshotEvent => ({
              name: redactText(event.name, rules),
              attributes: shapeAttributes(event.attributes, options, rules),
            }),
          ),
    ...(options.durations !== undefined && span.ended
      ? { duration: bucketDuration(span.durationMs, options.durations) }
      : {}),
    flags,
  };
  const links =
    options.links === false
      ? []
      : span.links.map((link) => ({
          traceId: link.traceId,
          spanId: link.spanId,
          attributes: shapeAttributes(link.attributes, options, rules),
        }));
  // Everything printed except numbers (which depend on the order being decided) and children.
  const own = JSON.stringify([shown, links.map((link) => link.attributes)]);
  return { span, shown, links, own };
}

function shapeAttributes(
  attributes: Attributes,
  options: SnapshotOptions,
  rules: readonly RedactionRule[],
): SnapshotAttribute[] {
  return selectAttributes(attributes, options.attributes).map(([key, value]) => ({
    key,
    value: formatSnapshotValue(redactAttribute(key, value, rules)),
  }));
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
