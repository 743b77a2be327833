import {
  type CheckResult,
  deep,
  find,
  findOne,
  hasSpanTree,
  matchesSelector,
  parseSelector,
  printSelector,
  SelectorSyntaxError,
  type ShapeNode,
  type Span,
  type SpanShape,
  span,
  type Trace,
  type TraceSet,
  type TreeShapeOptions,
} from 'tracespec';
import {
  test as tracedTest,
  type SpanShape as VitestSpanShape,
  deep as vitestDeep,
  span as vitestSpan,
} from 'tracespec/vitest';
import { describe, expect, expectTypeOf, test } from 'vitest';
import type { DeepShape } from '../../src/check/trace/shape/shapeBuilder.ts';
import type { SelectorList } from '../../src/query/SelectorAst.ts';

declare const trace: Trace;
declare const set: TraceSet;
declare const one: Span;

describe('selector API', () => {
  test('parse, print and query', () => {
    expectTypeOf(parseSelector('a > b')).toEqualTypeOf<SelectorList>();
    expectTypeOf(printSelector(parseSelector('a'))).toEqualTypeOf<string>();
    expectTypeOf(find(trace, 'a')).toEqualTypeOf<Span[]>();
    expectTypeOf(find(set, parseSelector('a'))).toEqualTypeOf<Span[]>();
    expectTypeOf(findOne({ traceSet: () => set }, 'a')).toEqualTypeOf<Span>();
    expectTypeOf(matchesSelector(one, 'a', trace)).toEqualTypeOf<boolean>();
    // @ts-expect-error: the span's trace is needed to read combinators and pseudo-classes
    matchesSelector(one, 'a');
    expectTypeOf(new SelectorSyntaxError('a', 0, 'b').position).toEqualTypeOf<number>();
    // @ts-expect-error: a selector is text or a parsed selector
    find(trace, 42);
  });

  test('matchers take selectors where they take partial spans', () => {
    expect(trace).toHaveSpan('[service=orders] > [db.system=postgresql]', { times: 1 });
    expect(trace).toHaveSpan({ name: 'SELECT', parent: '[service=orders]' });
    expect(one).toHaveParent('[kind=client]');
  });

  test('the traces fixture finds spans', () => {
    tracedTest('typed', ({ traces }) => {
      expectTypeOf(traces.find('a')).toEqualTypeOf<Span[]>();
      expectTypeOf(traces.findOne('a')).toEqualTypeOf<Span>();
      expectTypeOf(traces.traces).toEqualTypeOf<readonly Trace[]>();
      expectTypeOf(traces.get('0af7')).toEqualTypeOf<Trace | undefined>();
      expectTypeOf([...traces]).toEqualTypeOf<Trace[]>();
    });
  });
});

describe('tree shapes', () => {
  test('builder and shapes', () => {
    expectTypeOf(span('a', [span('b'), deep('c'), 'd'])).toEqualTypeOf<SpanShape>();
    expectTypeOf(deep({ selector: ':error' })).toEqualTypeOf<DeepShape>();
    expectTypeOf<string>().toExtend<ShapeNode>();
    expectTypeOf(hasSpanTree(set, { name: 'a', children: ['[x]'] })).toEqualTypeOf<CheckResult>();
    // @ts-expect-error: children are shape nodes
    hasSpanTree(set, { name: 'a', children: [42] });
  });

  test('the builders are the same from tracespec/vitest', () => {
    expectTypeOf(vitestSpan).toEqualTypeOf(span);
    expectTypeOf(vitestDeep).toEqualTypeOf(deep);
    expectTypeOf<VitestSpanShape>().toEqualTypeOf<SpanShape>();
  });

  test('the matcher is typed', () => {
    expectTypeOf(expect(trace).toHaveSpanTree).parameter(0).toEqualTypeOf<ShapeNode>();
    expectTypeOf(expect(trace).toHaveSpanTree).parameter(1).toEqualTypeOf<TreeShapeOptions | undefined>();
    expectTypeOf(expect(trace).toHaveSpanTree(span('a'), { mode: 'exact', order: 'ordered' })).toEqualTypeOf<void>();
    expectTypeOf(expect.poll(() => trace).toHaveSpanTree('a')).toEqualTypeOf<Promise<void>>();
    // @ts-expect-error: mode is 'subset' or 'exact'
    expect(trace).toHaveSpanTree('a', { mode: 'strict' });
    // @ts-expect-error: order is 'any' or 'ordered'
    expect(trace).toHaveSpanTree('a', { order: 'sorted' });
  });
});
