import type { Span } from '../model/Span.ts';
import type { Trace } from '../model/Trace.ts';
import { formatDuration } from '../model/time.ts';
import { compoundConditions, evaluateCompound, evaluateSelector } from './evaluateSelector.ts';
import { printSelector } from './printSelector.ts';
import type { ComplexSelector, CompoundSelector, SelectorList } from './SelectorAst.ts';
import { spanValue } from './spanValue.ts';

/**
 * A span that almost matched a selector, and what it lacked.
 *
 * @example
 * // { span, trace, reason: 'fails "[db.rows>5]" (db.rows is 2)' }
 */
export interface NearSpan {
  readonly span: Span;
  readonly trace: Trace;
  readonly reason: string;
}

/**
 * The spans that came closest to matching a selector, at most `limit`: first those that match the subject (the
 * last compound) but not the combinators before it, else those that meet the most conditions of the subject.
 *
 * @example
 * nearestSpans(traceSet.traces, parseSelector('orders > SELECT'));
 * // [{ span, trace, reason: 'matches "SELECT" but not "orders > SELECT"' }]
 */
export function nearestSpans(traces: readonly Trace[], selector: SelectorList, limit = 3): NearSpan[] {
  const near: NearSpan[] = [];
  for (const complex of selector.items) {
    for (const trace of traces) if (near.length < limit) near.push(...subjectOnly(trace, selector, complex));
  }
  if (near.length > 0) return dedupe(near).slice(0, limit);
  // Only the closest `limit` spans are kept while scoring, and only theirs are described: a failure on a trace of
  // 100k spans must not write a reason for every span.
  const closest = new Closest(limit);
  for (const complex of selector.items) for (const trace of traces) partial(trace, complex, closest);
  return closest.kept.map(({ span, trace, failing }) => ({ span, trace, reason: fails(span, failing) }));
}

interface Scored {
  readonly span: Span;
  readonly trace: Trace;
  readonly score: number;
  readonly failing: readonly CompoundSelector[];
}

/**
 * The best `limit` distinct spans by score, in the order a stable sort by score (highest first) of every scored
 * span would give, each span at its best score: ties keep the span scored first.
 */
class Closest {
  readonly kept: Scored[] = [];
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Whether a span with this score could enter the list (or move up in it). */
  wants(score: number): boolean {
    return this.#limit > 0 && (this.kept.length < this.#limit || score > (this.kept.at(-1) as Scored).score);
  }

  offer(entry: Scored): void {
    const seen = this.kept.findIndex((kept) => kept.span === entry.span);
    if (seen !== -1) {
      if ((this.kept[seen] as Scored).score >= entry.score) return;
      this.kept.splice(seen, 1);
    }
    let at = this.kept.length;
    while (at > 0 && (this.kept[at - 1] as Scored).score < entry.score) at--;
    this.kept.splice(at, 0, entry);
    if (this.kept.length > this.#limit) this.kept.pop();
  }
}

/**
 * Why one span does not match a selector, in the words of {@link nearestSpans}: the conditions of the subject it
 * fails, or that it matches the subject but not the combinators (the closest item of a `,` list is described).
 *
 * @example
 * selectorMiss(trace, span, parseSelector('SELECT[db.system=mysql]')); // 'fails "[db.system=mysql]" (db.system is "postgresql")'
 */
export function selectorMiss(trace: Trace, span: Span, selector: SelectorList): string {
  let best: { failing: number; reason: string } | undefined;
  for (const complex of selector.items) {
    const subject = complex.compounds[complex.compounds.length - 1] as CompoundSelector;
    const held = compoundConditions(trace, subject, span);
    const failing = conditionsOf(subject).filter((_, i) => held[i] !== true);
    const reason =
      failing.length === 0
        ? `matches ${quote(subject)} but not ${JSON.stringify(printSelector(list(complex)))}`
        : fails(span, failing);
    if (best === undefined || failing.length < best.failing) best = { failing: failing.length, reason };
  }
  return best?.reason ?? 'does not match';
}

function conditionsOf(subject: CompoundSelector): CompoundSelector[] {
  return [
    ...(subject.name === undefined ? [] : [{ type: 'compound' as const, name: subject.name, filters: [] }]),
    ...subject.filters.map((filter) => ({ type: 'compound' as const, filters: [filter] })),
  ];
}

function subjectOnly(trace: Trace, selector: SelectorList, complex: ComplexSelector): NearSpan[] {
  if (complex.compounds.length < 2) return [];
  const subject = complex.compounds[complex.compounds.length - 1] as CompoundSelector;
  const flags = evaluateCompound(trace, subject);
  const full = evaluateSelector(trace, selector);
  const reason = `matches ${quote(subject)} but not ${JSON.stringify(printSelector(list(complex)))}`;
  return trace.spans.filter((_, i) => flags[i] === 1 && full[i] !== 1).map((span) => ({ span, trace, reason }));
}

function partial(trace: Trace, complex: ComplexSelector, closest: Closest): void {
  const subject = complex.compounds[complex.compounds.length - 1] as CompoundSelector;
  const conditions = conditionsOf(subject);
  if (conditions.length === 0) return;
  const sets = conditions.map((condition) => evaluateCompound(trace, condition));
  const spans = trace.spans;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as Span;
    let failed = 0;
    let compared = false;
    for (let c = 0; c < conditions.length; c++) {
      if ((sets[c] as Uint8Array)[i] === 1) continue;
      failed++;
      // A span that holds a value for a failing attribute comparison is half way there: show that value.
      compared ||= hasCompared(span, conditions[c] as CompoundSelector);
    }
    if (failed === 0) continue;
    const score = conditions.length - failed + (compared ? 0.5 : 0);
    if (score === 0 || !closest.wants(score)) continue;
    closest.offer({ span, trace, score, failing: conditions.filter((_, c) => sets[c]?.[i] !== 1) });
  }
}

/** `fails "[a=1]" (a is 2), "[b]" (b is absent)`: each failing condition with the span's own value. */
function fails(span: Span, failing: readonly CompoundSelector[]): string {
  return `fails ${failing
    .map((condition) => {
      const actual = actualOf(span, condition);
      return actual === undefined ? quote(condition) : `${quote(condition)} (${actual})`;
    })
    .join(', ')}`;
}

/** What the span holds for a single condition that compares an attribute or field, on one line. */
function actualOf(span: Span, condition: CompoundSelector): string | undefined {
  const filter = condition.filters[0];
  // `[key]` tests presence only: "fails" says it all.
  if (condition.name !== undefined || filter?.type !== 'attribute' || filter.operator === undefined) return undefined;
  const value = spanValue(span, filter);
  if (value === undefined) return `${filter.key} is absent`;
  if (filter.field === 'duration' && typeof value === 'bigint') return `duration is ${formatDuration(value)}`;
  return `${filter.key} is ${typeof value === 'bigint' ? String(value) : JSON.stringify(value)}`;
}

/**
 * The condition compares a value (`[key op value]`) that the span has, if not the wanted one: a span half way to
 * matching it, which {@link nearestSpans} ranks above one without the attribute.
 *
 * @example
 * hasCompared(span, parseSelector('[db.rows>5]').items[0].compounds[0]); // true when the span has db.rows
 */
export function hasCompared(span: Span, condition: CompoundSelector): boolean {
  const filter = condition.filters[0];
  return (
    condition.name === undefined &&
    filter?.type === 'attribute' &&
    filter.operator !== undefined &&
    filter.field === undefined &&
    spanValue(span, filter) !== undefined
  );
}

function dedupe<T extends NearSpan>(spans: readonly T[]): T[] {
  const seen = new Set<Span>();
  return spans.filter((near) => !seen.has(near.span) && seen.add(near.span) !== undefined);
}

function list(complex: ComplexSelector): SelectorList {
  return { type: 'list', items: [complex] };
}

function quote(compound: CompoundSelector): string {
  return JSON.stringify(printSelector(list({ type: 'complex', compounds: [compound], combinators: [] })));
}
