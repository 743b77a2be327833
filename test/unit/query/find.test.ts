import { find, findOne, parseSelector, TraceSet } from 'tracespec';
import { describe, expect, it } from 'vitest';
// Internal: the cache is not public API, so this test reaches into the module.
import { evaluateSelector } from '../../../src/query/evaluateSelector.ts';
import { buildTrace, node } from '../../support/traceBuilder.ts';

const checkout = buildTrace(
  node({ name: 'POST /checkout', service: 'checkout', kind: 'server', duration: 300 }, [
    node({ name: 'SELECT cart', service: 'checkout', kind: 'client', attributes: { 'db.system': 'postgresql' } }),
    node(
      { name: 'GET /stock', service: 'checkout', kind: 'client', attributes: { 'http.response.status_code': 200 } },
      [
        node({ name: 'GET /stock', service: 'inventory', kind: 'server', duration: 250 }, [
          node({
            name: 'SELECT stock',
            service: 'inventory',
            kind: 'client',
            attributes: { 'db.system': 'postgresql', 'db.rows': 3, tags: ['a', 'b'] },
          }),
          node({ name: 'cache.get', service: 'inventory', attributes: { 'cache.hit': false } }),
        ]),
      ],
    ),
    node({
      name: 'POST /charge',
      service: 'checkout',
      kind: 'client',
      status: { code: 'error', message: 'declined' },
      attributes: { 'http.response.status_code': 402 },
    }),
  ]),
  node({ name: 'late', service: 'worker', kind: 'consumer', missingParent: 'ffffffffffffffff' }),
);

const names = (selector: string) => find(checkout, selector).map((span) => `${span.service}:${span.name}`);

describe('find on a hand-built trace', () => {
  it.each([
    ['"SELECT cart"', ['checkout:SELECT cart']],
    ['[service=inventory]', ['inventory:GET /stock', 'inventory:SELECT stock', 'inventory:cache.get']],
    ['[db.system=postgresql]', ['checkout:SELECT cart', 'inventory:SELECT stock']],
    ['[service=inventory] > [db.system=postgresql]', ['inventory:SELECT stock']],
    ['"POST /checkout" > [db.system=postgresql]', ['checkout:SELECT cart']],
    ['"POST /checkout" [db.system=postgresql]', ['checkout:SELECT cart', 'inventory:SELECT stock']],
    ['"SELECT cart" ~ [kind=client]', ['checkout:GET /stock', 'checkout:POST /charge']],
    ['"POST /charge" ~ *', []],
    ['[kind=client][http.response.status_code>=400]', ['checkout:POST /charge']],
    ['[http.response.status_code<300]', ['checkout:GET /stock']],
    ['[http.response.status_code=200]', ['checkout:GET /stock']],
    ['[http.response.status_code="200"]', []],
    ['[http.response.status_code^=4]', ['checkout:POST /charge']],
    ['[name^=SELECT]', ['checkout:SELECT cart', 'inventory:SELECT stock']],
    ['[name$=stock]', ['checkout:GET /stock', 'inventory:GET /stock', 'inventory:SELECT stock']],
    [
      '[name*="T /"]',
      ['checkout:POST /checkout', 'checkout:GET /stock', 'inventory:GET /stock', 'checkout:POST /charge'],
    ],
    ['[name~=/^get/i]', ['checkout:GET /stock', 'inventory:GET /stock']],
    ['[cache.hit=false]', ['inventory:cache.get']],
    ['[cache.hit]', ['inventory:cache.get']],
    ['[db.rows!=3]', []],
    ['[db.system!=mysql]', ['checkout:SELECT cart', 'inventory:SELECT stock']],
    ['*:not([db.system=mysql])[kind=consumer]', ['worker:late']],
    ['[tags=b]', ['inventory:SELECT stock']],
    ['[tags!=b]', []],
    ['[duration>200ms]', ['checkout:POST /checkout', 'inventory:GET /stock']],
    ['[duration>=250ms][duration<=250ms]', ['inventory:GET /stock']],
    ['[duration=1ms][kind=consumer]', ['worker:late']],
    ['[status=error]', ['checkout:POST /charge']],
    [':error', ['checkout:POST /charge']],
    ['[status!=unset]', ['checkout:POST /charge']],
    ['[kind=server]', ['checkout:POST /checkout', 'inventory:GET /stock']],
    ['[scope=tracespec-test][kind=consumer]', ['worker:late']],
    [':root', ['checkout:POST /checkout']],
    [':orphan', ['worker:late']],
    [':leaf[service=inventory]', ['inventory:SELECT stock', 'inventory:cache.get']],
    ['"POST /checkout" > :first', ['checkout:SELECT cart']],
    ['"POST /checkout" > :last', ['checkout:POST /charge']],
    ['"POST /checkout" > :nth(2)', ['checkout:GET /stock']],
    [':first:last', ['inventory:GET /stock']],
    ['*:has(> [db.system])', ['checkout:POST /checkout', 'inventory:GET /stock']],
    ['*:has([db.system=postgresql]:leaf)', ['checkout:POST /checkout', 'checkout:GET /stock', 'inventory:GET /stock']],
    ['*:has(~ :error)', ['checkout:SELECT cart', 'checkout:GET /stock']],
    ['*:has(> [kind=server] > "SELECT stock")', ['checkout:GET /stock']],
    ['[kind=client]:not(:has(*))', ['checkout:SELECT cart', 'inventory:SELECT stock', 'checkout:POST /charge']],
    ['[kind=client]:not(:error, [service=inventory])', ['checkout:SELECT cart', 'checkout:GET /stock']],
    ['*:not([service=checkout] *)', ['checkout:POST /checkout', 'worker:late']],
    ['late, :root', ['checkout:POST /checkout', 'worker:late']],
    ['[db.system=postgresql], "SELECT cart"', ['checkout:SELECT cart', 'inventory:SELECT stock']],
    ['nothing', []],
  ])('%s', (selector, expected) => {
    expect(names(selector)).toEqual(expected);
  });

  it('searches every trace of a set, trace by trace', () => {
    const other = buildTrace(node({ name: 'SELECT cart', service: 'second' }));
    const set = new TraceSet([checkout, other]);
    expect(find(set, '"SELECT cart"').map((span) => span.service)).toEqual(['checkout', 'second']);
    expect(find({ traceSet: () => set }, '"SELECT cart"')).toHaveLength(2);
  });

  it('accepts a parsed selector and reuses its cached result', () => {
    const selector = parseSelector('[service=inventory] > [db.system=postgresql]');
    expect(find(checkout, selector)).toEqual(find(checkout, selector));
    expect(find(checkout, selector)[0]?.name).toBe('SELECT stock');
  });
});

describe('findOne', () => {
  it('returns the single match', () => {
    expect(findOne(checkout, '[service=inventory] > [db.system=postgresql]').name).toBe('SELECT stock');
  });

  it('lists the matches when several match', () => {
    expect(() => findOne(checkout, '[db.system=postgresql]')).toThrowErrorMatchingInlineSnapshot(`
      [Error: [tracespec] findOne("[db.system=postgresql]"): expected exactly one span, found 2:
        1. checkout client "SELECT cart" 1ms
        2. inventory client "SELECT stock" 1ms
      Narrow the selector (a parent: "parent > name", :first, :nth(n), [attribute=value]) or use find() for all of them.

      trace 00000000000000000000000000000001 (8 spans)
        checkout server "POST /checkout" 300ms
        ├─ checkout client "SELECT cart" 1ms  ◀ match 1
        ├─ checkout client "GET /stock" 1ms
        │  └─ inventory server "GET /stock" 250ms
        │     ├─ inventory client "SELECT stock" 1ms  ◀ match 2
        │     └─ inventory internal "cache.get" 1ms
        └─ checkout client "POST /charge" 1ms error: "declined"
        worker consumer "late" 1ms  [orphan: parent ffffffffffffffff is missing]]
    `);
  });

  it('shows the spans that match the subject but not the combinators', () => {
    expect(() => findOne(checkout, '[service=payments] > [db.system=postgresql]')).toThrowErrorMatchingInlineSnapshot(`
      [Error: [tracespec] findOne("[service=payments] > [db.system=postgresql]"): no span matches, among 8 spans in 1 trace.
      Closest spans:
        1. checkout client "SELECT cart" 1ms — matches "[db.system=postgresql]" but not "[service=payments] > [db.system=postgresql]"
        2. inventory client "SELECT stock" 1ms — matches "[db.system=postgresql]" but not "[service=payments] > [db.system=postgresql]"

      trace 00000000000000000000000000000001 (8 spans)
        checkout server "POST /checkout" 300ms
        ├─ checkout client "SELECT cart" 1ms  ◀ closest 1
        ├─ checkout client "GET /stock" 1ms
        │  └─ inventory server "GET /stock" 250ms
        │     ├─ inventory client "SELECT stock" 1ms  ◀ closest 2
        │     └─ inventory internal "cache.get" 1ms
        └─ checkout client "POST /charge" 1ms error: "declined"
        worker consumer "late" 1ms  [orphan: parent ffffffffffffffff is missing]]
    `);
  });

  it('shows the spans that meet the most conditions when the subject matches nothing', () => {
    expect(() =>
      findOne(checkout, '[kind=client][db.system=postgresql][db.rows>5]'),
    ).toThrowErrorMatchingInlineSnapshot(`
      [Error: [tracespec] findOne("[kind=client][db.system=postgresql][db.rows>5]"): no span matches, among 8 spans in 1 trace.
      Closest spans:
        1. inventory client "SELECT stock" 1ms — fails "[db.rows>5]" (db.rows is 3)
        2. checkout client "SELECT cart" 1ms — fails "[db.rows>5]" (db.rows is absent)
        3. checkout client "GET /stock" 1ms — fails "[db.system=postgresql]" (db.system is absent), "[db.rows>5]" (db.rows is absent)

      trace 00000000000000000000000000000001 (8 spans)
        checkout server "POST /checkout" 300ms
        ├─ checkout client "SELECT cart" 1ms  ◀ closest 2
        ├─ checkout client "GET /stock" 1ms  ◀ closest 3
        │  └─ inventory server "GET /stock" 250ms
        │     ├─ inventory client "SELECT stock" 1ms  ◀ closest 1
        │     └─ inventory internal "cache.get" 1ms
        └─ checkout client "POST /charge" 1ms error: "declined"
        worker consumer "late" 1ms  [orphan: parent ffffffffffffffff is missing]]
    `);
  });
});

describe('caching', () => {
  it('evaluates a selector once per trace and returns the cached flags after that', () => {
    const selector = parseSelector('[service=inventory] > :leaf');
    const first = evaluateSelector(checkout, selector);
    expect(evaluateSelector(checkout, selector)).toBe(first);
    expect(evaluateSelector(checkout, parseSelector('[service=inventory] > :leaf'))).toBe(first);
  });

  it('explains a call without traces', () => {
    expect(() => find(undefined as never, 'a')).toThrow(
      "[tracespec] find() expects a Trace, a TraceSet or the test's traces (the `traces` fixture) first, but received undefined. Call it as find(traces, selector).",
    );
    expect(() => findOne('a' as never, 'a')).toThrow('Call it as findOne(traces, selector).');
  });
});
