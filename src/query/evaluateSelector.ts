import type { Span } from '../model/Span.ts';
import type { Trace } from '../model/Trace.ts';
import { candidatePositions } from './candidatePositions.ts';
import { compoundTests, type SelectorPseudo } from './compoundTests.ts';
import type { Combinator, ComplexSelector, CompoundSelector, SelectorList } from './SelectorAst.ts';
import { type TraceIndex, traceIndex } from './TraceIndex.ts';

/**
 * The spans of a trace that a selector matches, as a flag per position in `trace.spans` (1 = match). Each
 * compound is tested once per candidate span (from the indexes when a name, service or kind is given) and each
 * combinator is one pass over the trace, so the cost is linear in the trace size times the selector size.
 * Results are cached per trace and parsed selector.
 *
 * @example
 * const flags = evaluateSelector(trace, parseSelector('checkout > SELECT'));
 * const matches = trace.spans.filter((_, i) => flags[i] === 1);
 */
export function evaluateSelector(trace: Trace, selector: SelectorList): Uint8Array {
  return evaluateList(traceIndex(trace), selector);
}

/** The compound alone, without the combinators around it (for "nearest match" reports). */
export function evaluateCompound(trace: Trace, compound: CompoundSelector): Uint8Array {
  return compoundSet(traceIndex(trace), compound);
}

/** `relative` for the argument of `:has(...)`: the spans from which some item of the list can be reached. */
function evaluateList(index: TraceIndex, list: SelectorList, relative = false): Uint8Array {
  const cache = relative ? index.relativeResults : index.results;
  const cached = cache.get(list);
  if (cached !== undefined) return cached;
  const result = new Uint8Array(index.size);
  for (const complex of list.items) {
    const set = relative ? relativeSet(index, complex) : evaluateComplex(index, complex);
    for (let i = 0; i < index.size; i++) result[i] ||= set[i] as number;
  }
  cache.set(list, result);
  return result;
}

/** Left to right: each step keeps the spans of the next compound that relate to a span kept so far. */
function evaluateComplex(index: TraceIndex, complex: ComplexSelector): Uint8Array {
  const [first, ...rest] = complex.compounds;
  let set = first === undefined ? new Uint8Array(index.size) : compoundSet(index, first);
  for (const [i, compound] of rest.entries()) {
    const related = forward(index, complex.combinators[i] ?? 'descendant', set);
    set = intersect(compoundSet(index, compound), related);
  }
  return set;
}

/**
 * `:has(...)`: right to left, keep the spans from which the rest of the chain can be reached; the span being
 * tested must then relate to one of them by the leading combinator (descendant by default).
 */
function relativeSet(index: TraceIndex, complex: ComplexSelector): Uint8Array {
  const compounds = complex.compounds;
  let set = compoundSet(index, compounds[compounds.length - 1] as CompoundSelector);
  for (let i = compounds.length - 2; i >= 0; i--) {
    const reaching = backward(index, complex.combinators[i] ?? 'descendant', set);
    set = intersect(compoundSet(index, compounds[i] as CompoundSelector), reaching);
  }
  return backward(index, complex.leading ?? 'descendant', set);
}

/**
 * Which conditions of a compound hold for one span: its name first (when it has one), then each filter in order.
 *
 * @example
 * compoundConditions(trace, parseSelector('SELECT[db.system]').items[0].compounds[0], span); // [true, false]
 */
export function compoundConditions(trace: Trace, compound: CompoundSelector, span: Span): boolean[] {
  const index = traceIndex(trace);
  const at = trace.indexOf(span);
  return compoundTests(index, compound, innerSets(index)).map((test) => test(at, span));
}

function innerSets(index: TraceIndex): (filter: SelectorPseudo) => Uint8Array {
  return (filter) =>
    filter.name === 'not'
      ? complement(evaluateList(index, filter.selector))
      : evaluateList(index, filter.selector, true);
}

function compoundSet(index: TraceIndex, compound: CompoundSelector): Uint8Array {
  const spans = index.trace.spans;
  const tests = compoundTests(index, compound, innerSets(index));
  const result = new Uint8Array(index.size);
  const check = (at: number) => {
    const span = spans[at] as Span;
    for (const test of tests) if (!test(at, span)) return;
    result[at] = 1;
  };
  const candidates = candidatePositions(index, compound);
  if (candidates === undefined) for (let at = 0; at < index.size; at++) check(at);
  else for (const at of candidates) check(at);
  return result;
}

/** Spans that have, by the combinator, a span of `set` before them (an ancestor, the parent, an earlier sibling). */
function forward(index: TraceIndex, combinator: Combinator, set: Uint8Array): Uint8Array {
  const result = new Uint8Array(index.size);
  const { parent } = index;
  if (combinator === 'sibling') {
    forEachGroup(index, (first) => {
      let seen = false;
      for (let at = first; at !== -1; at = index.nextSibling[at] as number) {
        if (seen) result[at] = 1;
        if (set[at] === 1) seen = true;
      }
    });
    return result;
  }
  for (let at = 0; at < index.size; at++) {
    const up = parent[at] as number;
    if (up === -1) continue;
    if (combinator === 'child') result[at] = set[up] as number;
    // Tree order puts a parent before its children, so result[up] is final here.
    else result[at] = set[up] === 1 || result[up] === 1 ? 1 : 0;
  }
  return result;
}

/** Spans that have, by the combinator, a span of `set` after them (a descendant, a child, a later sibling). */
function backward(index: TraceIndex, combinator: Combinator, set: Uint8Array): Uint8Array {
  const result = new Uint8Array(index.size);
  const { parent } = index;
  if (combinator === 'sibling') {
    forEachGroup(index, (first) => {
      const group: number[] = [];
      for (let at = first; at !== -1; at = index.nextSibling[at] as number) group.push(at);
      let seen = false;
      for (let i = group.length - 1; i >= 0; i--) {
        const at = group[i] as number;
        if (seen) result[at] = 1;
        if (set[at] === 1) seen = true;
      }
    });
    return result;
  }
  // Children come after their parent in tree order: walking backwards, a span's subtree is done before it.
  for (let at = index.size - 1; at >= 0; at--) {
    const up = parent[at] as number;
    if (up === -1) continue;
    if (set[at] === 1 || (combinator === 'descendant' && result[at] === 1)) result[up] = 1;
  }
  return result;
}

function forEachGroup(index: TraceIndex, visit: (first: number) => void): void {
  if (index.firstTop !== -1) visit(index.firstTop);
  for (let at = 0; at < index.size; at++) {
    const first = index.firstChild[at] as number;
    if (first !== -1) visit(first);
  }
}

function intersect(a: Uint8Array, b: Uint8Array): Uint8Array {
  for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) & (b[i] as number);
  return a;
}

function complement(set: Uint8Array): Uint8Array {
  const result = new Uint8Array(set.length);
  for (let i = 0; i < set.length; i++) result[i] = set[i] === 1 ? 0 : 1;
  return result;
}
