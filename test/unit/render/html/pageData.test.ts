import { TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { toPageData } from '../../../../src/render/html/toPageData.ts';
import { knownPage } from '../../../support/knownTrace.ts';
import { makeSpan } from '../../../support/spanBuilder.ts';

describe('the data of a page', () => {
  const page = knownPage();
  const data = toPageData(page.title, '', page.traces, page.failures ?? [], false);
  const byName = (service: string, name: string) =>
    data.spans.findIndex((span) => data.services[span.s] === service && span.n === name);

  test('spans in tree order, trace by trace, with parents, depths and child counts', () => {
    expect(data.traces.map((trace) => [trace.id.slice(0, 4), trace.first, trace.size, trace.errors])).toEqual([
      ['4bf9', 0, 11, 2],
      ['5f0c', 11, 2, 0],
    ]);
    expect(data.spans.map((span) => [span.n, span.p, span.d, span.nc])).toEqual([
      ['POST', -1, 0, 1],
      ['POST /checkout', 0, 1, 3],
      ['GET', 1, 2, 1],
      ['GET /orders/new', 2, 3, 3],
      ['validate cart', 3, 4, 0],
      ['GET', 3, 4, 0],
      ['publish order', 3, 4, 0],
      ['POST', 1, 2, 1],
      ['POST /charge', 7, 3, 1],
      ['charge card', 8, 4, 0],
      ['record order', 1, 2, 0],
      ['GET /stock/:sku', -1, 0, 1],
      ['SELECT stock', 11, 1, 0],
    ]);
    expect(data.services).toEqual(['shop', 'gateway', 'orders', 'payments', 'inventory']);
  });

  test('times on one axis from the earliest start, in ms; events on the same axis', () => {
    expect(data.durationMs).toBe(140);
    expect(data.originMs).toBe(Date.UTC(2025, 11, 1, 12));
    const charge = data.spans[byName('payments', 'charge card')];
    // Moved with its parent, which was moved 5ms for clock skew.
    expect(charge).toMatchObject({ du: 30, st: 71, ski: 5 });
    expect(charge?.ev[0]?.st).toBe(100);
    expect(data.traces[1]).toMatchObject({ startMs: 18, durationMs: 29 });
  });

  test('a span on another clock that sticks out of its parent is moved to its middle, and says so', () => {
    const server = data.spans[byName('payments', 'POST /charge')];
    // Recorded 58..104 under a parent of 62..110: moved to 63..109.
    expect(server).toMatchObject({ st: 63, du: 46, sk: 5 });
    expect(server?.ski).toBeUndefined();
    expect(data.spans.filter((span) => span.sk !== undefined)).toHaveLength(1);
  });

  test('status, events, links resolved to their span, resources and scopes shared', () => {
    const charge = data.spans[byName('payments', 'charge card')];
    expect(charge).toMatchObject({ x: 'e', sm: 'card declined' });
    expect(charge?.a).toEqual([
      ['payment.amount', '42', 'n'],
      ['payment.currency', 'EUR', 's'],
    ]);
    const consumer = data.spans[byName('gateway', 'record order')];
    expect(consumer?.l).toEqual([
      {
        trace: '4bf92f3577b34da6a3ce929d0e0e4736',
        span: '6f708192a3b4c5d6',
        to: byName('orders', 'publish order'),
        a: [['messaging.operation', 'receive', 's']],
      },
    ]);
    expect(data.resources).toHaveLength(5);
    expect(data.resources[data.spans[0]?.r ?? -1]).toContainEqual(['service.name', 'shop', 's']);
    expect(data.scopes).toEqual(['@opentelemetry/instrumentation-http@0.223.0']);
  });

  test("the failure's marks become span indexes; its hops stay as named", () => {
    expect(data.failures[0]?.marks).toEqual([
      { span: byName('inventory', 'GET /stock/:sku'), note: '1: context lost here' },
      { span: 5, note: '1: caller' },
    ]);
    expect(data.failures[0]?.hops).toEqual([{ from: 'orders', to: 'inventory', note: 'not continued (inferred)' }]);
  });

  test('orphans, duplicate ids, open spans, ANSI colours, and marks of spans not on the page', () => {
    const root = makeSpan({ name: 'root', start: 0, end: 10 });
    const set = TraceSet.fromSpans([
      root,
      makeSpan({ parent: 'ffffffffffffffff', traceId: root.traceId, name: 'orphan', start: 1, end: 2 }),
      makeSpan({ parent: root, name: 'first', spanId: 'abababababababab', start: 2, end: 3 }),
      makeSpan({ parent: root, name: 'again', spanId: 'abababababababab', start: 3, end: 4 }),
      makeSpan({ parent: root, name: 'open', start: 4, ended: false }),
    ]);
    const page = toPageData(
      't',
      '',
      set,
      [
        {
          message: '\u001b[31mred\u001b[39m text',
          marks: { spans: [{ traceId: 'f'.repeat(32), spanId: 'f'.repeat(16), note: 'elsewhere' }], hops: [] },
        },
      ],
      false,
    );
    const flags = Object.fromEntries(page.spans.map((span) => [span.n, [span.f ?? '', span.open ?? false]]));
    expect(flags).toEqual({
      root: ['', false],
      orphan: ['orphan', false],
      first: ['', false],
      again: ['duplicate', false],
      open: ['', true],
    });
    expect(page.failures[0]).toEqual({ message: 'red text', marks: [], hops: [] });
  });

  test('a snapshot page (timeless) has no times', () => {
    const page = toPageData('t', '', TraceSet.fromSpans([makeSpan({ name: 'a', start: 5, end: 9 })]), [], true);
    expect(page).toMatchObject({ timeless: true, durationMs: 0 });
    expect(page.spans[0]).toMatchObject({ st: 0, du: 0 });
  });
});
