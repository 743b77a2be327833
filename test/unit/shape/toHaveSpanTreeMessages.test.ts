import { stripVTControlCharacters } from 'node:util';
import { deep, span } from 'tracespec';
import { describe, expect, it } from 'vitest';
import { buildTrace, node } from '../../support/traceBuilder.ts';

const checkout = buildTrace(
  node({ name: 'POST /checkout', service: 'checkout', kind: 'server' }, [
    node({ name: 'SELECT cart', service: 'checkout', kind: 'client', attributes: { 'db.system': 'postgresql' } }),
    node({ name: 'POST /charge', service: 'checkout', kind: 'client' }, [
      node({ name: 'POST /charge', service: 'payments', kind: 'server' }, [
        node({ name: 'INSERT payment', service: 'payments', kind: 'client' }),
      ]),
    ]),
  ]),
);

const failure = (run: () => void): string => {
  try {
    run();
  } catch (error) {
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error('expected the assertion to fail');
};

describe('toHaveSpanTree failure messages', () => {
  it('passes through the matcher', () => {
    expect(checkout).toHaveSpanTree(span('POST /checkout', [span('SELECT cart'), deep({ service: 'payments' })]));
  });

  it('points at a missing child, with each candidate and why it was rejected', () => {
    expect(
      failure(() =>
        expect(checkout).toHaveSpanTree({
          name: 'POST /checkout',
          children: [{ name: 'SELECT cart' }, { service: 'payments', name: 'POST /charge' }],
        }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(traces).toHaveSpanTree(expected)

      Expected: a span tree matching the shape (subset mode, children in any order)
      Received: no match; the deepest shape node that could not be matched: no span fits { service: "payments", name: "POST /charge" } as a child of checkout server "POST /checkout" 1ms

      Expected shape:
        "POST /checkout"  ✓
        ├─ "SELECT cart"
        └─ { service: "payments", name: "POST /charge" }  ✗ no match

      Received:
      trace 00000000000000000000000000000001 (5 spans)
        checkout server "POST /checkout" 1ms  ◀ "POST /checkout"
        ├─ checkout client "SELECT cart" 1ms  ◀ candidate 2
        └─ checkout client "POST /charge" 1ms  ◀ candidate 1
           └─ payments server "POST /charge" 1ms
              └─ payments client "INSERT payment" 1ms

      Candidates for { service: "payments", name: "POST /charge" }:
        1. checkout client "POST /charge" 1ms — service: expected "payments", received "checkout"
        2. checkout client "SELECT cart" 1ms — name: expected "POST /charge", received "SELECT cart"; service: expected "payments", received "checkout""
    `);
  });

  it('ranks first the candidate that fits the node’s selector, other fields being as close', () => {
    const message = failure(() =>
      expect(checkout).toHaveSpanTree(
        span('POST /checkout', [
          span({ service: 'checkout', kind: 'client', name: 'SELECT orders', selector: '[db.system=postgresql]' }),
        ]),
      ),
    );
    const candidates = message.slice(message.indexOf('Candidates for'));
    expect(candidates).toContain('1. checkout client "SELECT cart" 1ms — name: expected "SELECT orders"');
    expect(candidates).toContain('2. checkout client "POST /charge" 1ms — name: expected "SELECT orders"');
    expect(candidates).toContain('selector "[db.system=postgresql]"');
  });

  it('goes down to the deepest node that could not be matched', () => {
    expect(
      failure(() =>
        expect(checkout).toHaveSpanTree(
          span('POST /checkout', [
            span('POST /charge', [span({ service: 'payments' }, [span({ name: 'INSERT payment', kind: 'internal' })])]),
          ]),
        ),
      ),
    ).toMatchInlineSnapshot(`
      "expect(traces).toHaveSpanTree(expected)

      Expected: a span tree matching the shape (subset mode, children in any order)
      Received: no match; the deepest shape node that could not be matched: no span fits { name: "INSERT payment", kind: "internal" } as a child of payments server "POST /charge" 1ms

      Expected shape:
        "POST /checkout"  ✓
        └─ "POST /charge"  ✓
           └─ { service: "payments" }  ✓
              └─ { name: "INSERT payment", kind: "internal" }  ✗ no match

      Received:
      trace 00000000000000000000000000000001 (5 spans)
        checkout server "POST /checkout" 1ms  ◀ "POST /checkout"
        ├─ checkout client "SELECT cart" 1ms
        └─ checkout client "POST /charge" 1ms  ◀ "POST /charge"
           └─ payments server "POST /charge" 1ms  ◀ { service: "payments" }
              └─ payments client "INSERT payment" 1ms  ◀ candidate 1

      Candidates for { name: "INSERT payment", kind: "internal" }:
        1. payments client "INSERT payment" 1ms — kind: expected "internal", received "client""
    `);
  });

  it('reports a shape root that matches no span', () => {
    expect(
      failure(() => expect(checkout).toHaveSpanTree({ name: 'POST /checkout', kind: 'client' })),
    ).toMatchInlineSnapshot(`
      "expect(traces).toHaveSpanTree(expected)

      Expected: a span tree matching the shape (subset mode, children in any order)
      Received: no match; the deepest shape node that could not be matched: no span fits { name: "POST /checkout", kind: "client" } as the root of the shape

      Expected shape:
        { name: "POST /checkout", kind: "client" }  ✗ no match

      Received:
      trace 00000000000000000000000000000001 (5 spans)
        checkout server "POST /checkout" 1ms  ◀ candidate 1
        ├─ checkout client "SELECT cart" 1ms  ◀ candidate 2
        └─ checkout client "POST /charge" 1ms  ◀ candidate 3
           └─ payments server "POST /charge" 1ms  ◀ candidate 5
              └─ payments client "INSERT payment" 1ms  ◀ candidate 4

      Candidates for { name: "POST /checkout", kind: "client" }:
        1. checkout server "POST /checkout" 1ms — kind: expected "client", received "server"
        2. checkout client "SELECT cart" 1ms — name: expected "POST /checkout", received "SELECT cart"
        3. checkout client "POST /charge" 1ms — name: expected "POST /checkout", received "POST /charge"
        4. payments client "INSERT payment" 1ms — name: expected "POST /checkout", received "INSERT payment"
        5. payments server "POST /charge" 1ms — name: expected "POST /checkout", received "POST /charge"; kind: expected "client", received "server""
    `);
  });

  it('reports extra children in exact mode', () => {
    expect(
      failure(() =>
        expect(checkout).toHaveSpanTree(span('POST /checkout', [span('POST /charge', [deep('INSERT payment')])]), {
          mode: 'exact',
        }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(traces).toHaveSpanTree(expected)

      Expected: a span tree matching the shape (exact mode, children in any order)
      Received: no match; the deepest shape node that could not be matched: "POST /checkout" has 2 children, the shape lists 1 (mode: exact)

      Expected shape:
        "POST /checkout"  ✗ has 2 children, the shape lists 1 (mode: exact)
        └─ "POST /charge"
           └─ … "INSERT payment"

      Received:
      trace 00000000000000000000000000000001 (5 spans)
        checkout server "POST /checkout" 1ms  ◀ "POST /checkout"
        ├─ checkout client "SELECT cart" 1ms  ◀ candidate 1
        └─ checkout client "POST /charge" 1ms
           └─ payments server "POST /charge" 1ms
              └─ payments client "INSERT payment" 1ms

      Candidates of "POST /checkout":
        1. checkout client "SELECT cart" 1ms — not in the shape"
    `);
  });

  it('reports children out of order', () => {
    expect(
      failure(() =>
        expect(checkout).toHaveSpanTree(span('POST /checkout', [span('POST /charge'), span('SELECT cart')]), {
          order: 'ordered',
        }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(traces).toHaveSpanTree(expected)

      Expected: a span tree matching the shape (subset mode, children in order)
      Received: no match; the deepest shape node that could not be matched: no span fits "SELECT cart" as a child of checkout server "POST /checkout" 1ms

      Expected shape:
        "POST /checkout"  ✓
        ├─ "POST /charge"
        └─ "SELECT cart"  ✗ no match

      Received:
      trace 00000000000000000000000000000001 (5 spans)
        checkout server "POST /checkout" 1ms  ◀ "POST /checkout"
        ├─ checkout client "SELECT cart" 1ms  ◀ candidate 1
        └─ checkout client "POST /charge" 1ms  ◀ candidate 2
           └─ payments server "POST /charge" 1ms
              └─ payments client "INSERT payment" 1ms

      Candidates for "SELECT cart":
        1. checkout client "SELECT cart" 1ms — matches, but comes before the span matched by "POST /charge" (order: ordered)
        2. checkout client "POST /charge" 1ms — name: expected "SELECT cart", received "POST /charge""
    `);
  });

  it('reports a missing descendant, saying what each candidate lacks for the selector', () => {
    expect(
      failure(() =>
        expect(checkout).toHaveSpanTree(
          span('POST /checkout', [deep({ selector: '[service=payments] > [db.system]' })]),
        ),
      ),
    ).toMatchInlineSnapshot(`
      "expect(traces).toHaveSpanTree(expected)

      Expected: a span tree matching the shape (subset mode, children in any order)
      Received: no match; the deepest shape node that could not be matched: no span fits [service=payments] > [db.system] below checkout server "POST /checkout" 1ms

      Expected shape:
        "POST /checkout"  ✓
        └─ … [service=payments] > [db.system]  ✗ no match

      Received:
      trace 00000000000000000000000000000001 (5 spans)
        checkout server "POST /checkout" 1ms  ◀ "POST /checkout"
        ├─ checkout client "SELECT cart" 1ms  ◀ candidate 1
        └─ checkout client "POST /charge" 1ms  ◀ candidate 2
           └─ payments server "POST /charge" 1ms  ◀ candidate 3
              └─ payments client "INSERT payment" 1ms  ◀ candidate 4

      Candidates for [service=payments] > [db.system]:
        1. checkout client "SELECT cart" 1ms — selector "[service=payments] > [db.system]": matches "[db.system]" but not "[service=payments] > [db.system]"
        2. checkout client "POST /charge" 1ms — selector "[service=payments] > [db.system]": fails "[db.system]"
        3. payments server "POST /charge" 1ms — selector "[service=payments] > [db.system]": fails "[db.system]"
        4. payments client "INSERT payment" 1ms — selector "[service=payments] > [db.system]": fails "[db.system]""
    `);
  });

  it('shows where the shape matched for .not', () => {
    expect(
      failure(() => expect(checkout).not.toHaveSpanTree(span('POST /checkout', [span('SELECT cart')]))),
    ).toMatchInlineSnapshot(`
      "expect(traces).not.toHaveSpanTree(expected)

      Expected: no span tree matching the shape (subset mode, children in any order)
      Received: it matches at checkout server "POST /checkout" 1ms

      Expected shape:
        "POST /checkout"
        └─ "SELECT cart"

      Received:
      trace 00000000000000000000000000000001 (5 spans)
        checkout server "POST /checkout" 1ms  ◀ "POST /checkout"
        ├─ checkout client "SELECT cart" 1ms  ◀ "SELECT cart"
        └─ checkout client "POST /charge" 1ms
           └─ payments server "POST /charge" 1ms
              └─ payments client "INSERT payment" 1ms"
    `);
  });

  it('hints at { selector } when a builder string looks like a selector', () => {
    const message = failure(() =>
      expect(checkout).toHaveSpanTree(span('POST /checkout', [deep('[service=payments]')])),
    );
    expect(message).toContain(
      'Hint: "[service=payments]" is matched as a span name; for a selector write { selector: "[service=payments]" }.',
    );
    expect(
      failure(() => expect(checkout).toHaveSpanTree(span('POST /checkout', [span('GET /missing')]))),
    ).not.toContain('Hint:');
  });

  it('hints at { name } when a selector string is also the name of a span', () => {
    const message = failure(() =>
      expect(checkout).toHaveSpanTree({ name: 'POST /checkout', children: ['SELECT cart'] }),
    );
    expect(message).toContain(
      'Hint: "SELECT cart" is read as a selector; for the span name write { name: "SELECT cart" }.',
    );
  });

  it('says that exact mode only tries the tops of the trace as the root', () => {
    const message = failure(() =>
      expect(checkout).toHaveSpanTree(span({ service: 'payments', kind: 'server' }, [span('INSERT payment')]), {
        mode: 'exact',
      }),
    );
    expect(message).toContain("In mode 'exact' the shape's root must be a top of a trace (a root or an orphan)");
    expect(message).toContain(
      '1. checkout server "POST /checkout" 1ms — service: expected "payments", received "checkout"',
    );
  });

  it('names the parent that lacks the child, and lists every missing child', () => {
    const payment = buildTrace(
      node({ name: 'POST /checkout', service: 'shop', kind: 'server' }, [
        node({ name: 'charge card', service: 'shop' }),
        node({ name: 'reserve stock', service: 'shop' }),
      ]),
    );
    const message = failure(() =>
      expect(payment).toHaveSpanTree(
        span('POST /checkout', [
          span('charge card', [span('fraud check'), span('3-D secure')]),
          span('reserve stock'),
          span('send receipt'),
        ]),
      ),
    );
    expect(message).toContain(
      'Received: no match; the deepest shape node that could not be matched: shop internal "charge card" 1ms has no children, so no span fits "fraud check"',
    );
    expect(message).not.toContain('"fraud check" has no children');
    expect(message).toContain(
      [
        'Not placed (3 shape nodes):',
        '  as children of shop internal "charge card" 1ms: "fraud check", "3-D secure"',
        '  as children of shop server "POST /checkout" 1ms: "send receipt"',
      ].join('\n'),
    );
    for (const label of ['"fraud check"  ✗ no match', '"3-D secure"  ✗ no match', '"send receipt"  ✗ no match']) {
      expect(message).toContain(label);
    }
  });
});
