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
  let next = 1;
  const number = (draft: Draft) => {
    const id = `${draft.span.traceId}/${draft.span.spanId}`;
    if (!refs.has(id)) refs.set(id, next);
    next++;
    for (const child of draft.children) number(child);
  };
  for (const trace of drafts) for (const top of trace.tops) number(top);

  const linked = new Set<number>();
  if (options.links !== false) {
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
  const info = new Map<Span, Shown>();
  const height = new Map<Span, number>();
  const rank = new Map<Span, number>();
  const byHeight: Span[][] = [];
  for (const trace of set.traces) {
    const orphans = new Set(trace.orphans);
    const duplicates = new Set(trace.duplicates);
    for (const span of trace.spans) info.set(span, shownOf(span, orphans, duplicates, options, rules));
    for (let i = trace.spans.length - 1; i >= 0; i--) {
      const span = trace.spans[i] as Span;
      let h = 0;
      for (const child of trace.children(span)) h = Math.max(h, (height.get(child) ?? 0) + 1);
      height.set(span, h);
      (byHeight[h] ??= []).push(span);
    }
  }
  const order = (a: Span, b: Span) =>
    compareKeys((info.get(a) as Shown).own, (info.get(b) as Shown).own) ||
    (height.get(a) as number) - (height.get(b) as number) ||
    (rank.get(a) as number) - (rank.get(b) as number);
  const childrenOf = (span: Span) => set.traceOf(span)?.children(span) ?? [];
  const sortedChildren = new Map<Span, Span[]>();
  for (const level of byHeight) {
    const tuples = new Map<Span, string>();
    for (const span of level) {
      const children = [...childrenOf(span)].sort(order);
      sortedChildren.set(span, children);
      const childPart = children.map((child) => `${height.get(child)}.${rank.get(child)}`).join(',');
      tuples.set(span, `${(info.get(span) as Shown).own}\u0000${childPart}`);
    }
    const distinct = [...new Set(tuples.values())].sort(compareKeys);
    const rankOf = new Map(distinct.map((tuple, i) => [tuple, i]));
    for (const span of level) rank.set(span, rankOf.get(tuples.get(span) as string) as number);
  }
  const build = (span: Span): Draft => {
    const { shown, links } = info.get(span) as Shown;
    const children = (sortedChildren.get(span) ?? []).map(build);
    return { span, shown, links, children, key: `${height.get(span)}.${rank.get(span)}` };
  };
  return set.traces.map((trace) => {
    const tops = [...trace.tops].sort(order);
    const key = JSON.stringify(tops.map((top) => [(info.get(top) as Shown).own, height.get(top), rank.get(top)]));
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
