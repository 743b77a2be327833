import type { Span } from '../model/Span.ts';
import type { Trace } from '../model/Trace.ts';
import { compoundConditions, evaluateCompound, evaluateSelector } from './evaluateSelector.ts';
import { printSelector } from './printSelector.ts';
import type { ComplexSelector, CompoundSelector, SelectorList } from './SelectorAst.ts';

/**
 * A span that almost matched a selector, and what it lacked.
 *
 * @example
 * // { span, trace, reason: 'fails "[db.rows>5]"' }
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
  const scored: (NearSpan & { score: number })[] = [];
  for (const complex of selector.items) for (const trace of traces) scored.push(...partial(trace, complex));
  // A stable sort keeps tree order between equally close spans.
  return dedupe(scored.sort((a, b) => b.score - a.score)).slice(0, limit);
}

/**
 * Why one span does not match a selector, in the words of {@link nearestSpans}: the conditions of the subject it
 * fails, or that it matches the subject but not the combinators (the closest item of a `,` list is described).
 *
 * @example
 * selectorMiss(trace, span, parseSelector('SELECT[db.system=mysql]')); // 'fails "[db.system=mysql]"'
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
        : `fails ${failing.map(quote).join(', ')}`;
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

function partial(trace: Trace, complex: ComplexSelector): (NearSpan & { score: number })[] {
  const subject = complex.compounds[complex.compounds.length - 1] as CompoundSelector;
  const conditions = conditionsOf(subject);
  if (conditions.length < 2) return [];
  const sets = conditions.map((condition) => evaluateCompound(trace, condition));
  const result: (NearSpan & { score: number })[] = [];
  for (const [i, span] of trace.spans.entries()) {
    const failing = conditions.filter((_, c) => sets[c]?.[i] !== 1);
    const score = conditions.length - failing.length;
    if (score === 0 || failing.length === 0) continue;
    result.push({ span, trace, score, reason: `fails ${failing.map(quote).join(', ')}` });
  }
  return result;
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
