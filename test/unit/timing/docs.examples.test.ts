// Every ```ts block of docs/timing.md is a region of this file (docs.test.ts checks that); this file runs them.
import { childGaps, criticalPath, formatDuration, selfTime } from 'tracespec';
import { test } from 'tracespec/vitest';
import { describe, expect } from 'vitest';
import { checkout, listOrders, register } from './docs/shop.ts';

describe('docs/timing.md examples', () => {
  test('durations', async ({ traces }) => {
    await checkout({ parallel: true });
    // #region durations
    const handler = traces.only().root;
    expect(handler).toHaveDuration({ under: '200ms' });
    expect(handler).toHaveDuration({ between: ['10ms', '1.5s'] });
    // every span a reference matches, at least one:
    expect(traces).toHaveDuration({ kind: 'client' }, { under: 50 }); // numbers are milliseconds
    // #endregion durations
  });

  test('order and overlap', async ({ traces }) => {
    await checkout({ parallel: false });
    // #region order
    const calls = traces.only().spans;
    const stock = calls.find((span) => span.name === 'GET /stock');
    const price = calls.find((span) => span.name === 'GET /price');
    if (!stock || !price) throw new Error('expected the stock and price calls');
    expect(price).toStartAfterEndOf(stock);
    expect(price).toStartAfter({ name: 'GET /stock' });
    expect(stock).toEndBefore({ name: 'POST /checkout' });
    expect(stock).not.toOverlap({ name: 'GET /shipping' });
    // #endregion order
  });

  test('a fan-out that runs one by one', async ({ traces }) => {
    await checkout({ parallel: false });
    // #region sequence
    expect(traces).toRunInSequence({ kind: 'client' });
    expect(traces).toRunInSequence({ kind: 'client' }, { gap: { under: '5ms' } });
    expect(traces).not.toRunInParallel({ kind: 'client' });
    // #endregion sequence
  });

  test('the fixed fan-out', async ({ traces }) => {
    await checkout({ parallel: true });
    // #region parallel
    expect(traces).toRunInParallel({ kind: 'client', name: /^GET / });
    // the same with a selector:
    expect(traces).toRunInParallel('"POST /checkout" > [kind=client]');
    // or on spans you picked yourself:
    const calls = traces.spans.filter((span) => span.kind === 'client');
    expect(calls).toRunInParallel();
    // #endregion parallel
  });

  test('containment', async ({ traces }) => {
    await register();
    // #region containment
    const email = traces.spans.find((span) => span.name === 'send welcome email');
    expect(email).not.toBeWithinParent();
    expect(traces).not.toHaveSpansWithinParents();
    // a larger skew allowance between processes:
    expect(traces).not.toHaveSpansWithinParents({ tolerance: '20ms' }); // same process: still a bug
    // #endregion containment
  });

  test('critical path', async ({ traces }) => {
    await checkout({ parallel: true });
    // #region critical-path
    expect(traces).toHaveCriticalPath([{ name: 'POST /checkout' }, { name: 'GET /price' }]);
    // goes through these, in this order, maybe with others around them:
    expect(traces).toHaveCriticalPath([{ name: 'GET /price' }], { exact: false });
    // #endregion critical-path
  });

  test('N+1', async ({ traces }) => {
    await listOrders({ batched: false });
    // #region repeated
    const queries = { attributes: { 'db.system': 'postgresql' } };
    expect(traces).not.toHaveNoRepeatedSpans(queries);
    expect(traces).toHaveNoRepeatedSpans(queries, { under: { name: 'GET /orders' }, max: 4 });
    expect(traces).not.toHaveNoRepeatedSpans('[db.system=postgresql]', { under: '"GET /orders"' });
    // #endregion repeated
  });

  test('N+1, fixed', async ({ traces }) => {
    await listOrders({ batched: true });
    expect(traces).toHaveNoRepeatedSpans({ attributes: { 'db.system': 'postgresql' } });
  });

  test('the README section', async ({ traces }) => {
    await checkout({ parallel: true });
    // #region readme
    expect(traces).toHaveDuration('"POST /checkout"', { under: '200ms' });
    expect(traces).toRunInParallel('"POST /checkout" > [kind=client]');
    expect(traces).toHaveCriticalPath(['"POST /checkout"', '"GET /price"']);
    expect(traces).toHaveSpansWithinParents();
    await listOrders({ batched: true });
    expect(traces).toHaveNoRepeatedSpans('[db.system=postgresql]', { under: '[kind=server]' });
    // #endregion readme
  });

  test('the README section, N+1 line', async ({ traces }) => {
    await listOrders({ batched: false });
    expect(
      () =>
        // #region readme-n-plus-one
        expect(traces).toHaveNoRepeatedSpans('[db.system=postgresql]', { under: '[kind=server]' }),
      // #endregion readme-n-plus-one
    ).toThrowError('1 group of repeated spans');
  });

  test('figures on the model', async ({ traces }) => {
    await checkout({ parallel: false });
    // #region model
    const trace = traces.only();
    const handler = trace.root;
    if (!handler) throw new Error('no single root');
    expect(formatDuration(selfTime(trace, handler))).toBe('13ms'); // 100ms minus 87ms of calls
    expect(childGaps(trace, handler).map((gap) => formatDuration(gap.durationNano))).toEqual(['5ms', '1ms', '7ms']);
    const path = criticalPath(trace, { tolerance: '1ms' });
    const names = path.spans.map((span) => span.name);
    expect(names).toEqual(['POST /checkout', 'GET /stock', 'GET /price', 'GET /shipping']);
    expect(path.durationNano).toBeLessThanOrEqual(trace.durationNano);
    // #endregion model
  });
});
