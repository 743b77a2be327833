import type { Span, Trace } from 'tracespec';
import type {
  AttributeFilter,
  Combinator,
  ComplexSelector,
  CompoundSelector,
  Filter,
  SelectorList,
} from '../../src/query/SelectorAst.ts';

/**
 * A deliberately simple reference evaluator for property tests: it walks the tree with Trace's own navigation
 * (ancestors, children, siblings) for every span, with no indexes, no sets and no caching.
 */
export function naiveFind(trace: Trace, selector: SelectorList): Span[] {
  return trace.spans.filter((span) => matchList(trace, selector, span));
}

function matchList(trace: Trace, list: SelectorList, span: Span): boolean {
  return list.items.some((complex) => matchBackward(trace, complex, complex.compounds.length - 1, span));
}

function matchBackward(trace: Trace, complex: ComplexSelector, k: number, span: Span): boolean {
  if (!matchCompound(trace, complex.compounds[k] as CompoundSelector, span)) return false;
  if (k === 0) return true;
  return before(trace, complex.combinators[k - 1] as Combinator, span).some((other) =>
    matchBackward(trace, complex, k - 1, other),
  );
}

function matchForward(trace: Trace, complex: ComplexSelector, k: number, span: Span): boolean {
  if (!matchCompound(trace, complex.compounds[k] as CompoundSelector, span)) return false;
  if (k === complex.compounds.length - 1) return true;
  return after(trace, complex.combinators[k] as Combinator, span).some((other) =>
    matchForward(trace, complex, k + 1, other),
  );
}

function siblings(trace: Trace, span: Span): readonly Span[] {
  const parent = trace.parent(span);
  return parent ? trace.children(parent) : trace.tops;
}

function before(trace: Trace, combinator: Combinator, span: Span): readonly Span[] {
  if (combinator === 'descendant') return trace.ancestors(span);
  if (combinator === 'child') return trace.parent(span) ? [trace.parent(span) as Span] : [];
  const group = siblings(trace, span);
  return group.slice(0, group.indexOf(span));
}

function after(trace: Trace, combinator: Combinator, span: Span): readonly Span[] {
  if (combinator === 'descendant') return trace.descendants(span);
  if (combinator === 'child') return trace.children(span);
  const group = siblings(trace, span);
  return group.slice(group.indexOf(span) + 1);
}

function matchCompound(trace: Trace, compound: CompoundSelector, span: Span): boolean {
  if (compound.name !== undefined && compound.name !== span.name) return false;
  return compound.filters.every((filter) => matchFilter(trace, filter, span));
}

function matchFilter(trace: Trace, filter: Filter, span: Span): boolean {
  if (filter.type === 'attribute') return matchAttribute(filter, span);
  const group = siblings(trace, span);
  switch (filter.name) {
    case 'root':
      return span.parentSpanId === undefined;
    case 'orphan':
      return trace.orphans.includes(span);
    case 'leaf':
      return trace.children(span).length === 0;
    case 'error':
      return span.status.code === 'error';
    case 'first':
      return group[0] === span;
    case 'last':
      return group[group.length - 1] === span;
    case 'nth':
      return group[filter.position - 1] === span;
    case 'not':
      return !matchList(trace, filter.selector, span);
    case 'has':
      return filter.selector.items.some((complex) =>
        after(trace, complex.leading ?? 'descendant', span).some((other) => matchForward(trace, complex, 0, other)),
      );
  }
}

function matchAttribute(filter: AttributeFilter, span: Span): boolean {
  const fields: Record<string, unknown> = {
    name: span.name,
    service: span.service,
    kind: span.kind,
    status: span.status.code,
    scope: span.scope.name,
    duration: span.durationNano,
  };
  const actual = filter.field ? fields[filter.field] : span.attributes[filter.key];
  const values: unknown[] = Array.isArray(actual) ? actual : actual === undefined ? [] : [actual];
  const { operator, value } = filter;
  const present = actual !== undefined;
  if (operator === undefined || value === undefined) return present;
  const expected =
    value.type === 'duration'
      ? value.nanos
      : value.type === 'regex'
        ? new RegExp(value.source, value.flags.replace(/[gy]/g, ''))
        : value.value;
  const one = (item: unknown): boolean => {
    const text = String(item);
    switch (operator) {
      case '=':
      case '!=':
        return item === expected;
      case '^=':
        return text.startsWith(String(expected));
      case '$=':
        return text.endsWith(String(expected));
      case '*=':
        return text.includes(String(expected));
      case '~=':
        return (expected as RegExp).test(text);
      case '<':
        return typeof item === typeof expected && (item as number) < (expected as number);
      case '<=':
        return typeof item === typeof expected && (item as number) <= (expected as number);
      case '>':
        return typeof item === typeof expected && (item as number) > (expected as number);
      case '>=':
        return typeof item === typeof expected && (item as number) >= (expected as number);
    }
  };
  if (operator === '!=') return present && !values.some(one);
  return values.some(one);
}
