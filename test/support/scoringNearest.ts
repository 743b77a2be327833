import type { Span, Trace } from 'tracespec';
import { hasCompared } from '../../src/query/nearestSpans.ts';
import type { ComplexSelector, CompoundSelector, SelectorList } from '../../src/query/SelectorAst.ts';
import { naiveFind } from './naiveSelector.ts';

/**
 * A deliberately plain reference for the spans `nearestSpans` picks, for property tests: it scores every span of
 * every trace, sorts them all (stably) and drops repeated spans, with the naive evaluator for every condition (what
 * counts as half way, `hasCompared`, is the library's own: the property is about which spans are kept).
 */
export function scoringNearest(traces: readonly Trace[], selector: SelectorList, limit = 3): Span[] {
  const subjectOnly: Span[] = [];
  for (const complex of selector.items) {
    for (const trace of traces) {
      if (subjectOnly.length >= limit || complex.compounds.length < 2) continue;
      const subject = naiveFind(trace, list(lastOf(complex)));
      const full = naiveFind(trace, selector);
      subjectOnly.push(...subject.filter((span) => !full.includes(span)));
    }
  }
  if (subjectOnly.length > 0) return distinct(subjectOnly).slice(0, limit);
  const scored: { span: Span; score: number }[] = [];
  for (const complex of selector.items) {
    const subject = lastOf(complex);
    const conditions: CompoundSelector[] = [
      ...(subject.name === undefined ? [] : [{ type: 'compound' as const, name: subject.name, filters: [] }]),
      ...subject.filters.map((filter) => ({ type: 'compound' as const, filters: [filter] })),
    ];
    if (conditions.length === 0) continue;
    for (const trace of traces) {
      const held = conditions.map((condition) => naiveFind(trace, list(condition)));
      for (const span of trace.spans) {
        const failing = conditions.filter((_, c) => !held[c]?.includes(span));
        if (failing.length === 0) continue;
        const compared = failing.some((condition) => hasCompared(span, condition));
        const score = conditions.length - failing.length + (compared ? 0.5 : 0);
        if (score > 0) scored.push({ span, score });
      }
    }
  }
  return distinct(scored.sort((a, b) => b.score - a.score).map((entry) => entry.span)).slice(0, limit);
}

function lastOf(complex: ComplexSelector): CompoundSelector {
  return complex.compounds[complex.compounds.length - 1] as CompoundSelector;
}

function list(compound: CompoundSelector): SelectorList {
  return { type: 'list', items: [{ type: 'complex', compounds: [compound], combinators: [] }] };
}

function distinct(spans: readonly Span[]): Span[] {
  return [...new Set(spans)];
}
