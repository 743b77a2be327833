import type { Span } from '../model/Span.ts';
import type { CompoundSelector, Filter, PseudoFilter } from './SelectorAst.ts';

/** `:has(...)` or `:not(...)`. */
export type SelectorPseudo = Extract<PseudoFilter, { name: 'has' | 'not' }>;

import { spanValue } from './spanValue.ts';
import type { TraceIndex } from './TraceIndex.ts';
import { valueMatches } from './valueMatches.ts';

/** One condition of a compound, as a test on a span position, with its selector text for messages. */
export type PositionTest = (position: number, span: Span) => boolean;

/**
 * The conditions of a compound as position tests (the name first, then each filter in order). `:has` and `:not`
 * read match sets that `innerSet` computes once for the whole trace.
 */
export function compoundTests(
  index: TraceIndex,
  compound: CompoundSelector,
  innerSet: (filter: SelectorPseudo) => Uint8Array,
): PositionTest[] {
  const tests: PositionTest[] = [];
  const name = compound.name;
  if (name !== undefined) tests.push((_, span) => span.name === name);
  for (const filter of compound.filters) tests.push(filterTest(index, filter, innerSet));
  return tests;
}

function filterTest(index: TraceIndex, filter: Filter, innerSet: (filter: SelectorPseudo) => Uint8Array): PositionTest {
  if (filter.type === 'attribute') {
    return (_, span) => valueMatches(filter.operator, filter.value, spanValue(span, filter));
  }
  switch (filter.name) {
    case 'root':
      return (_, span) => span.parentSpanId === undefined;
    case 'orphan':
      return (at) => index.orphan[at] === 1;
    case 'leaf':
      return (at) => index.firstChild[at] === -1;
    case 'error':
      return (_, span) => span.status.code === 'error';
    case 'first':
      return (at) => index.siblingPosition[at] === 1;
    case 'last':
      return (at) => index.siblingPosition[at] === index.siblingCount[at];
    case 'nth':
      return (at) => index.siblingPosition[at] === filter.position;
    case 'has':
    case 'not': {
      const set = innerSet(filter);
      return (at) => set[at] === 1;
    }
  }
}
