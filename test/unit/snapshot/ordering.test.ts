import { normalizeTraces, renderSnapshot, type Span, TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { makeSpan } from '../../support/spanBuilder.ts';

/** A checkout trace whose two downstream calls start and end at the given times, with fresh ids. */
function checkout(traceId: string, times: { stock: [number, number]; price: [number, number] }): Span[] {
  const root = makeSpan({ traceId, name: 'POST /checkout', kind: 'server', service: 'shop', start: 0, end: 50 });
  const stock = makeSpan({
    parent: root,
    name: 'GET',
    kind: 'client',
    service: 'shop',
    start: times.stock[0],
    end: times.stock[1],
    attributes: { 'peer.service': 'stock' },
  });
  const price = makeSpan({
    parent: root,
    name: 'GET',
    kind: 'client',
    service: 'shop',
    start: times.price[0],
    end: times.price[1],
    attributes: { 'peer.service': 'price' },
  });
  const stockServer = makeSpan({
    parent: stock,
    name: 'GET /stock',
    kind: 'server',
    service: 'stock',
    start: times.stock[0] + 1,
    end: times.stock[1] - 1,
  });
  return [root, stock, price, stockServer];
}

const shape = (spans: Span[]) => normalizeTraces(TraceSet.fromSpans(spans));
const render = (spans: Span[]) => renderSnapshot(shape(spans));

describe('stable order', () => {
  test('siblings are ordered by their content, not by start or end time', () => {
    const early = render(checkout('a'.repeat(32), { stock: [1, 20], price: [2, 10] }));
    const late = render(checkout('b'.repeat(32), { stock: [5, 9], price: [1, 30] }));
    expect(late).toBe(early);
    expect(shape(checkout('a'.repeat(32), { stock: [1, 20], price: [2, 10] }))).toMatchInlineSnapshot(`
      trace 1 (4 spans)
        shop server "POST /checkout"
          shop client "GET"
            · peer.service: "price"
          shop client "GET"
            · peer.service: "stock"
            stock server "GET /stock"
    `);
  });

  test('arrival order and ids do not matter', () => {
    const spans = checkout('c'.repeat(32), { stock: [1, 2], price: [1, 2] });
    expect(render([...spans].reverse())).toBe(render(spans));
  });

  test("a test's traces come in an order that depends on their content only", () => {
    const first = makeSpan({ traceId: '1'.repeat(32), name: 'job b', start: 0 });
    const second = makeSpan({ traceId: '2'.repeat(32), name: 'job a', start: 5 });
    const swapped = [
      makeSpan({ traceId: '3'.repeat(32), name: 'job b', start: 5 }),
      makeSpan({ traceId: '4'.repeat(32), name: 'job a', start: 0 }),
    ];
    expect(render([first, second])).toBe(render(swapped));
    expect(shape([first, second])).toMatchInlineSnapshot(`
      trace 1 (1 span)
        test internal "job a"

      trace 2 (1 span)
        test internal "job b"
    `);
  });

  test('links are renumbered by tree order, within and across traces; other links read external', () => {
    const target = makeSpan({ traceId: 'd'.repeat(32), name: 'produce', kind: 'producer' });
    const consumer = makeSpan({
      traceId: 'e'.repeat(32),
      name: 'consume',
      kind: 'consumer',
      links: [
        { traceId: target.traceId, spanId: target.spanId, attributes: { 'messaging.batch': 1 } },
        { traceId: 'f'.repeat(32), spanId: 'f'.repeat(16), attributes: {} },
      ],
    });
    expect(shape([target, consumer])).toMatchInlineSnapshot(`
      trace 1 (1 span)
        test consumer "consume"
          link -> #2 {messaging.batch: 1}
          link -> external

      trace 2 (1 span)
        #2 test producer "produce"
    `);
  });

  test('orphans, duplicate ids and open spans are labelled', () => {
    const root = makeSpan({ spanId: '1'.repeat(16), name: 'root' });
    const again = makeSpan({ spanId: '1'.repeat(16), name: 'root again' });
    const orphan = makeSpan({ parent: '9'.repeat(16), name: 'lost' });
    const open = makeSpan({ parent: root, name: 'open', ended: false });
    expect(shape([root, again, orphan, open])).toMatchInlineSnapshot(`
      trace 1 (4 spans)
        test internal "lost" [orphan]
        test internal "root again" [duplicate id]
        test internal "root"
          test internal "open" [not ended]
    `);
  });
});
