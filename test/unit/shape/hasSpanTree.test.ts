import { deep, hasSpanTree, span, TraceSet } from 'tracespec';
import { describe, expect, it } from 'vitest';
import { buildTrace, node } from '../../support/traceBuilder.ts';

const checkout = buildTrace(
  node({ name: 'POST /checkout', service: 'checkout', kind: 'server' }, [
    node({ name: 'SELECT cart', service: 'checkout', kind: 'client', attributes: { 'db.system': 'postgresql' } }),
    node({ name: 'POST /charge', service: 'checkout', kind: 'client' }, [
      node({ name: 'POST /charge', service: 'payments', kind: 'server' }, [
        node({
          name: 'INSERT payment',
          service: 'payments',
          kind: 'client',
          attributes: { 'db.system': 'postgresql' },
        }),
      ]),
    ]),
    node({ name: 'publish order', service: 'checkout', kind: 'producer' }),
  ]),
);
const set = new TraceSet([checkout]);
const passes = (shape: Parameters<typeof hasSpanTree>[1], options?: Parameters<typeof hasSpanTree>[2]) =>
  hasSpanTree(set, shape, options).pass;

describe('hasSpanTree: subset mode (default)', () => {
  it('matches nested partial spans with children in any order', () => {
    expect(
      passes({
        name: 'POST /checkout',
        children: [{ kind: 'producer' }, { name: 'SELECT cart' }, { name: 'POST /charge', kind: 'client' }],
      }),
    ).toBe(true);
  });

  it('matches a subtree anywhere, and allows spans the shape does not list', () => {
    expect(passes({ service: 'payments', kind: 'server', children: [{ name: 'INSERT payment' }] })).toBe(true);
    expect(passes({ name: 'POST /checkout', children: [{ name: 'SELECT cart' }] })).toBe(true);
  });

  it('takes selector strings as nodes and a selector beside the fields', () => {
    expect(passes({ name: 'POST /checkout', children: ['[db.system=postgresql]', ':has(> [service=payments])'] })).toBe(
      true,
    );
    expect(passes({ selector: ':root', children: [{ selector: '[kind=producer]:last' }] })).toBe(true);
    expect(passes({ selector: ':root', children: [{ selector: '[kind=producer]:first' }] })).toBe(false);
  });

  it('needs a different span for each child node', () => {
    expect(passes({ name: 'POST /checkout', children: [{ kind: 'client' }, { kind: 'client' }] })).toBe(true);
    expect(
      passes({ name: 'POST /checkout', children: [{ kind: 'client' }, { kind: 'client' }, { kind: 'client' }] }),
    ).toBe(false);
  });

  it('reads descendants as "somewhere below", each a different span', () => {
    expect(passes({ name: 'POST /checkout', descendants: [{ name: 'INSERT payment' }] })).toBe(true);
    expect(passes({ name: 'POST /checkout', children: [{ name: 'INSERT payment' }] })).toBe(false);
    expect(passes({ name: 'POST /checkout', descendants: ['[db.system=postgresql]', '[db.system=postgresql]'] })).toBe(
      true,
    );
    expect(passes({ name: 'POST /checkout', descendants: ['[db.system]', '[db.system]', '[db.system]'] })).toBe(false);
  });
});

describe('hasSpanTree: the builder', () => {
  it('reads as the tree, with deep() for somewhere below', () => {
    expect(
      passes(
        span('POST /checkout', [
          span('SELECT cart'),
          span({ name: 'POST /charge' }, [span({ service: 'payments' }, [deep('INSERT payment')])]),
          deep({ selector: '[kind=producer]' }),
        ]),
      ),
    ).toBe(true);
    expect(passes(span('POST /checkout', [deep('INSERT payment', ['nothing below'])]))).toBe(false);
  });

  it('builds plain shape objects', () => {
    expect(span('a', [span('b'), deep('c'), 'd'])).toEqual({
      name: 'a',
      children: [{ name: 'b' }, { name: 'd' }],
      descendants: [{ name: 'c' }],
    });
  });
});

describe('hasSpanTree: exact mode', () => {
  const whole = span({ name: 'POST /checkout' }, [
    span('SELECT cart'),
    span('publish order'),
    span('POST /charge', [span('POST /charge', [span('INSERT payment')])]),
  ]);

  it('matches the whole tree from a top', () => {
    expect(passes(whole, { mode: 'exact' })).toBe(true);
  });

  it('rejects extra children, leaves that have children, and a root that is not a top', () => {
    expect(passes(span('POST /checkout', [span('SELECT cart'), span('POST /charge')]), { mode: 'exact' })).toBe(false);
    expect(
      passes(span('POST /checkout', [span('SELECT cart'), span('POST /charge'), span('publish order')]), {
        mode: 'exact',
      }),
    ).toBe(false);
    expect(passes(span({ service: 'payments', kind: 'server' }, [span('INSERT payment')]), { mode: 'exact' })).toBe(
      false,
    );
  });

  it('leaves the children open under a node that lists descendants', () => {
    expect(passes(span('POST /checkout', [deep('INSERT payment')]), { mode: 'exact' })).toBe(true);
  });
});

describe('hasSpanTree: ordered children', () => {
  it('needs the children in sibling order, as a subsequence in subset mode', () => {
    expect(passes(span('POST /checkout', [span('SELECT cart'), span('publish order')]), { order: 'ordered' })).toBe(
      true,
    );
    expect(passes(span('POST /checkout', [span('publish order'), span('SELECT cart')]), { order: 'ordered' })).toBe(
      false,
    );
  });

  it('needs every child, in place, in exact mode', () => {
    const shape = span('POST /checkout', [
      span('SELECT cart'),
      span('POST /charge', [deep('INSERT payment')]),
      span('publish order'),
    ]);
    expect(passes(shape, { mode: 'exact', order: 'ordered' })).toBe(true);
    const swapped = span('POST /checkout', [
      span('POST /charge', [deep('INSERT payment')]),
      span('SELECT cart'),
      span('publish order'),
    ]);
    expect(passes(swapped, { mode: 'exact', order: 'ordered' })).toBe(false);
  });
});

describe('hasSpanTree: input errors', () => {
  it('names a bad option and lists the valid values', () => {
    expect(() => hasSpanTree(set, { name: 'x' }, { mode: 'strict' as never })).toThrow(
      "[tracespec] toHaveSpanTree(): option `mode` must be 'subset' or 'exact', got \"strict\".",
    );
    expect(() => hasSpanTree(set, { name: 'x' }, { order: 'sorted' as never })).toThrow(
      "[tracespec] toHaveSpanTree(): option `order` must be 'any' or 'ordered', got \"sorted\".",
    );
  });

  it('names the path of a bad node and reports selector syntax errors up front', () => {
    expect(() => hasSpanTree(set, { name: 'x', children: [{ name: 'y' }, 42 as never] })).toThrow(
      '[tracespec] toHaveSpanTree(): shape.children[1] must be a partial span with optional children, or a selector string; got 42.',
    );
    expect(() => hasSpanTree(set, { name: 'x', children: {} as never })).toThrow('shape.children must be an array');
    expect(() => hasSpanTree(set, { name: 'x', descendants: ['[db.system'] })).toThrow('Invalid selector');
  });
});
