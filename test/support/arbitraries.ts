import fc from 'fast-check';
import type { Span, Trace } from 'tracespec';
import { Trace as TraceClass } from 'tracespec';
import type {
  AttributeFilter,
  Combinator,
  ComplexSelector,
  CompoundSelector,
  Filter,
  SelectorList,
} from '../../src/query/SelectorAst.ts';
import { makeSpan } from './spanBuilder.ts';

const NAMES = ['a', 'b', 'c', 'GET /x'] as const;
const SERVICES = ['s1', 's2'] as const;

/** A random trace of up to `max` spans: random parents, some orphans, few names so that selectors hit. */
export function traceArbitrary(max = 25): fc.Arbitrary<Trace> {
  const spanShape = fc.record({
    name: fc.constantFrom(...NAMES),
    service: fc.constantFrom(...SERVICES),
    kind: fc.constantFrom('server', 'client', 'internal'),
    error: fc.boolean(),
    duration: fc.integer({ min: 0, max: 4 }),
    start: fc.integer({ min: 0, max: 5 }),
    x: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    y: fc.option(fc.constantFrom('p', 'q', 'pq'), { nil: undefined }),
    tags: fc.option(fc.array(fc.constantFrom('p', 'q'), { maxLength: 2 }), { nil: undefined }),
    parent: fc.nat(),
    orphan: fc.integer({ min: 0, max: 9 }),
  });
  return fc.array(spanShape, { minLength: 1, maxLength: max }).map((shapes) => {
    const spans: Span[] = [];
    for (const [i, shape] of shapes.entries()) {
      // Parents come earlier in the list, so the tree has no cycles; 1 in 10 spans is an orphan, 1 in 10 a root.
      const parent =
        i === 0 || shape.orphan === 0
          ? undefined
          : shape.orphan === 1
            ? 'ffffffffffffffff'
            : (spans[shape.parent % i] as Span).spanId;
      const attributes: Record<string, number | string | string[]> = {};
      if (shape.x !== undefined) attributes.x = shape.x;
      if (shape.y !== undefined) attributes.y = shape.y;
      if (shape.tags !== undefined) attributes.tags = shape.tags;
      spans.push(
        makeSpan({
          traceId: 'b'.repeat(32),
          name: shape.name,
          service: shape.service,
          kind: shape.kind,
          status: { code: shape.error ? 'error' : 'unset' },
          start: shape.start,
          end: shape.start + shape.duration,
          attributes,
          ...(parent === undefined ? {} : { parent }),
        }),
      );
    }
    return TraceClass.of(spans);
  });
}

const text = fc.oneof(
  fc.constantFrom(...NAMES, 's1', 's2', 'p', 'q', 'tracespec-test', '', 'GET', '/x'),
  fc.string({ maxLength: 6 }),
);
const durationValue = fc.constantFrom(0n, 1_000_000n, 2_000_000n, 1_500_000n, 3_000_000_000n, 7n);

const attribute: fc.Arbitrary<AttributeFilter> = fc.oneof(
  fc.constantFrom<AttributeFilter>(
    { type: 'attribute', key: 'x' },
    { type: 'attribute', key: 'tags' },
    { type: 'attribute', key: 'name' },
    { type: 'attribute', key: 'duration', field: 'duration' },
  ),
  fc
    .record({
      key: fc.constantFrom('name', 'service', 'scope', 'y', 'tags', 'odd key'),
      operator: fc.constantFrom('=' as const, '!=' as const, '^=' as const, '$=' as const, '*=' as const),
      value: text,
    })
    .map(({ key, operator, value }) => withField(key, { operator, value: { type: 'string', value } })),
  fc
    .record({
      key: fc.constantFrom('name', 'y', 'x', 'tags'),
      source: fc.constantFrom('^a', 'q$', '[pq]', '\\d', 'GET|b', 'x\\/'),
      flags: fc.constantFrom('', 'i', 'g'),
    })
    .map(({ key, source, flags }) => withField(key, { operator: '~=', value: { type: 'regex', source, flags } })),
  fc
    .record({
      operator: fc.constantFrom('=' as const, '!=' as const, '<' as const, '<=' as const, '>' as const, '>=' as const),
      value: fc.oneof(fc.integer({ min: -1, max: 4 }), fc.constantFrom(0.5, 2.25)),
    })
    .map(({ operator, value }) => withField('x', { operator, value: { type: 'number', value } })),
  fc
    .record({ operator: fc.constantFrom('=' as const, '!=' as const), value: fc.boolean() })
    .map(({ operator, value }) => withField('y', { operator, value: { type: 'boolean', value } })),
  fc
    .record({
      key: fc.constantFrom('kind', 'status'),
      operator: fc.constantFrom('=' as const, '!=' as const),
      kind: fc.constantFrom('server', 'client', 'internal', 'consumer'),
      status: fc.constantFrom('unset', 'ok', 'error'),
    })
    .map(({ key, operator, kind, status }) =>
      withField(key, { operator, value: { type: 'string', value: key === 'kind' ? kind : status } }),
    ),
  fc
    .record({
      operator: fc.constantFrom('=' as const, '!=' as const, '<' as const, '<=' as const, '>' as const, '>=' as const),
      nanos: durationValue,
    })
    .map(({ operator, nanos }) => withField('duration', { operator, value: { type: 'duration', nanos } })),
);

function withField(key: string, rest: Pick<AttributeFilter, 'operator' | 'value'>): AttributeFilter {
  const fields = ['name', 'service', 'kind', 'status', 'scope', 'duration'];
  return fields.includes(key)
    ? ({ type: 'attribute', key, field: key, ...rest } as AttributeFilter)
    : { type: 'attribute', key, ...rest };
}

/** Random selector trees (as the parser would build them), nested :has/:not up to a small depth. */
export const selectorArbitrary: fc.Arbitrary<SelectorList> = fc.letrec<{
  list: SelectorList;
  relative: SelectorList;
  compound: CompoundSelector;
  filter: Filter;
}>((tie) => ({
  list: fc
    .array(complexArbitrary(tie('compound'), false), { minLength: 1, maxLength: 2 })
    .map((items) => ({ type: 'list', items })),
  relative: fc
    .array(complexArbitrary(tie('compound'), true), { minLength: 1, maxLength: 2 })
    .map((items) => ({ type: 'list', items })),
  compound: fc
    .record({
      name: fc.option(fc.constantFrom(...NAMES), { nil: undefined, freq: 2 }),
      filters: fc.array(tie('filter'), { maxLength: 2 }),
    })
    .map(({ name, filters }) =>
      name === undefined ? { type: 'compound', filters } : { type: 'compound', name, filters },
    ),
  filter: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    attribute,
    fc.constantFrom<Filter>(
      { type: 'pseudo', name: 'root' },
      { type: 'pseudo', name: 'leaf' },
      { type: 'pseudo', name: 'orphan' },
      { type: 'pseudo', name: 'error' },
      { type: 'pseudo', name: 'first' },
      { type: 'pseudo', name: 'last' },
    ),
    fc.integer({ min: 1, max: 3 }).map((position): Filter => ({ type: 'pseudo', name: 'nth', position })),
    tie('relative').map((selector): Filter => ({ type: 'pseudo', name: 'has', selector })),
    tie('list').map((selector): Filter => ({ type: 'pseudo', name: 'not', selector })),
  ),
})).list;

function complexArbitrary(compound: fc.Arbitrary<CompoundSelector>, relative: boolean): fc.Arbitrary<ComplexSelector> {
  const combinator = fc.constantFrom<Combinator>('descendant', 'child', 'sibling');
  return fc
    .record({
      // A leading descendant combinator is implicit (`:has(a)`), so the parser never records it.
      leading: relative
        ? fc.option(fc.constantFrom<Combinator>('child', 'sibling'), { nil: undefined })
        : fc.constant(undefined),
      steps: fc.array(fc.tuple(combinator, compound), { maxLength: 2 }),
      first: compound,
    })
    .map(({ leading, first, steps }) => {
      const body = {
        type: 'complex' as const,
        compounds: [first, ...steps.map(([, next]) => next)],
        combinators: steps.map(([step]) => step),
      };
      return leading === undefined ? body : { ...body, leading };
    });
}
