import type { Attributes, Span } from '../model/Span.ts';
import type { Trace } from '../model/Trace.ts';
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
  const drafts = set.traces.map((trace) => draftTrace(trace, options, rules));
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

function draftTrace(
  trace: Trace,
  options: SnapshotOptions,
  rules: readonly RedactionRule[],
): { tops: Draft[]; size: number; key: string } {
  const orphans = new Set(trace.orphans);
  const duplicates = new Set(trace.duplicates);
  const draft = (span: Span): Draft => {
    const children = trace.children(span).map(draft);
    children.sort((a, b) => compareKeys(a.key, b.key));
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
    // The key holds everything printed except numbers (which depend on the order being decided).
    const key = JSON.stringify([shown, links.map((link) => link.attributes), children.map((child) => child.key)]);
    return { span, shown, links, children, key };
  };
  const tops = trace.tops.map(draft).sort((a, b) => compareKeys(a.key, b.key));
  return { tops, size: trace.size, key: JSON.stringify(tops.map((top) => top.key)) };
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
