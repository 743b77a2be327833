import { TraceSet } from 'tracespec';
import { inTrace } from 'tracespec/vitest';
import { describe, expect, it } from 'vitest';
import { resolveSpans } from '../../../src/check/expectation/resolveSpans.ts';
import { failureOf } from '../../support/failure.ts';
import { timedTrace } from '../../support/timedTrace.ts';

const { trace, span, located } = timedTrace({
  name: 'POST /checkout',
  kind: 'server',
  start: 0,
  end: 100,
  children: [
    { name: 'GET /stock', kind: 'client', start: 5, end: 30 },
    { name: 'GET /price', kind: 'client', start: 30, end: 60 },
    {
      name: 'GET /shipping',
      kind: 'client',
      start: 65,
      end: 95,
      children: [{ name: 'shipping server', kind: 'server', service: 'shipping', start: 58, end: 90 }],
    },
  ],
});
const calls = { kind: 'client' } as const;
const set = new TraceSet([trace]);

describe('timing matchers (wiring)', () => {
  it('toHaveDuration on a span, an array, and traces with a reference', () => {
    expect(located('GET /stock')).toHaveDuration({ under: '30ms' });
    expect(located('GET /stock')).not.toHaveDuration({ over: '1s' });
    expect(inTrace(resolveSpans(trace, calls), trace)).toHaveDuration({ between: ['25ms', '30ms'] });
    expect(trace).toHaveDuration(calls, { under: 31 });
    expect(set).not.toHaveDuration(calls, { under: '30ms' });
  });

  it('order and overlap matchers', () => {
    expect(located('GET /price')).toStartAfter(span('GET /stock'));
    expect(located('GET /price')).toStartAfterEndOf({ name: 'GET /stock' });
    expect(located('GET /stock')).toEndBefore({ name: 'GET /price' });
    expect(located('GET /stock')).not.toOverlap({ name: 'GET /price' }, { tolerance: 0 });
    expect(located('shipping server')).toOverlap({ name: 'GET /shipping' });
    // 2ms in common is not more than the 5ms tolerance between processes: not shown to overlap
    expect(located('shipping server')).not.toOverlap({ name: 'GET /price' });
  });

  it('group matchers take an array of spans, or the traces and a reference', () => {
    expect(inTrace(resolveSpans(trace, calls), trace)).toRunInSequence();
    expect(inTrace(resolveSpans(trace, calls), trace)).toRunInSequence({ gap: { under: '6ms' } });
    expect(trace).toRunInSequence(calls, { tolerance: 0 });
    expect(set).not.toRunInParallel(calls);
    expect(inTrace([span('GET /shipping'), span('shipping server')], trace)).toRunInParallel();
    // .not on spans that did run together says when: from the last start to the first end.
    const together = inTrace([span('GET /shipping'), span('shipping server')], trace);
    expect(failureOf(() => expect(together).not.toRunInParallel())).toContain(
      'all were in flight together from +7ms to +32ms after the first started',
    );
  });

  it('containment, critical path and repeated spans', () => {
    expect(located('GET /price')).toBeWithinParent();
    expect(located('shipping server')).not.toBeWithinParent();
    expect(set).not.toHaveSpansWithinParents();
    expect(trace).toHaveCriticalPath([
      { name: 'POST /checkout' },
      { name: 'GET /stock' },
      { name: 'GET /price' },
      { name: 'GET /shipping' },
      { name: 'shipping server' },
    ]);
    expect(set).toHaveCriticalPath([{ name: 'GET /price' }], { exact: false });
    expect(set).toHaveNoRepeatedSpans(calls);
  });

  it('explains a wrong receiver or a missing reference', () => {
    expect(() => expect(trace).toRunInParallel()).toThrowError(
      "[tracespec] toRunInParallel(): on traces, say which spans form the group first, e.g. expect(traces).toRunInParallel({ name: 'GET', kind: 'client' }).",
    );
    expect(() => expect(located('GET /stock')).toRunInSequence()).toThrowError(
      '[tracespec] toRunInSequence() expects an array of recorded spans or the traces (a Trace, a TraceSet or the `traces` fixture), but received a single span.',
    );
    expect(() => expect([span('GET /stock'), 'x']).toRunInParallel()).toThrowError('item 1 is not a recorded span');
    expect(() => expect(trace).toStartAfter({ name: 'GET /stock' })).toThrowError(
      '[tracespec] toStartAfter() expects a recorded span, but received an object (Trace).',
    );
    // A typo is also a type error; JavaScript callers get this message.
    // @ts-expect-error: '30mss' is not a duration
    expect(() => expect(located('GET /stock')).toHaveDuration({ under: '30mss' })).toThrowError(
      '[tracespec] toHaveDuration(): option `under`: cannot read the duration "30mss": unknown unit "mss".',
    );
  });
});

describe('timing matchers (failure messages)', () => {
  it('toRunInParallel shows the calls one after the other', () => {
    expect(failureOf(() => expect(trace).toRunInParallel(calls))).toMatchInlineSnapshot(`
      "expect(spans).toRunInParallel(expected)

      Expected: 3 spans to run in parallel (all in flight at one moment)
      Received: 3 pairs not shown to run at the same time:
        #2 starts just as #1 ends (tolerance 1ms)
        #3 starts 35ms after #1 ends (tolerance 1ms)
        #3 starts 5ms after #2 ends (tolerance 1ms)
      The group:
        1. app client "GET /stock" 25ms
        2. app client "GET /price" 30ms
        3. app client "GET /shipping" 30ms

      trace 80c4cee427f88c665228316def40a848 (5 spans, 100ms; one █ = 2.5ms)
                                         0ms                                100ms
        POST /checkout [app]             ████████████████████████████████████████   100ms
        ├─ GET /stock [app]              ··██████████····························    25ms  ◀ 1
        ├─ GET /price [app]              ············████████████················    30ms  ◀ 2
        └─ GET /shipping [app]           ··························████████████··    30ms  ◀ 3"
    `);
  });

  it('not.toRunInSequence shows that they ran one by one', () => {
    expect(failureOf(() => expect(set).not.toRunInSequence(calls))).toMatchInlineSnapshot(`
      "expect(spans).not.toRunInSequence(expected)

      Expected: 3 spans not to run in sequence (each after the previous one ended)
      Received: they do
      The group, in start order:
        1. app client "GET /stock" 25ms
        2. app client "GET /price" 30ms
        3. app client "GET /shipping" 30ms

      trace 80c4cee427f88c665228316def40a848 (5 spans, 100ms; one █ = 2.5ms)
                                         0ms                                100ms
        POST /checkout [app]             ████████████████████████████████████████   100ms
        ├─ GET /stock [app]              ··██████████····························    25ms  ◀ 1
        ├─ GET /price [app]              ············████████████················    30ms  ◀ 2
        └─ GET /shipping [app]           ··························████████████··    30ms  ◀ 3"
    `);
  });

  it('toBeWithinParent shows the span that sticks out', () => {
    expect(failureOf(() => expect(located('shipping server')).toBeWithinParent())).toMatchInlineSnapshot(`
      "expect(span).toBeWithinParent()

      Expected: shipping server "shipping server" 32ms
        to lie within its parent app client "GET /shipping" 30ms
      Received: it starts 7ms before its parent (tolerance 5ms): not clock skew: the span is longer than its parent

      trace 80c4cee427f88c665228316def40a848 (5 spans, 100ms; one █ = 2.5ms)
                                         0ms                                100ms
        POST /checkout [app]             ████████████████████████████████████████   100ms
        └─ GET /shipping [app]           ··························████████████··    30ms  ◀ parent
           └─ shipping server [shipping] ·······················█████████████····    32ms  ◀ this span"
    `);
  });
});

describe('timing matchers (misplaced options)', () => {
  it('refuses options where a span reference belongs, instead of matching every span', () => {
    expect(() => expect(trace).toRunInParallel({ tolerance: '2ms' } as never)).toThrowError(
      "[tracespec] { tolerance: \"2ms\" } is not a partial span: unknown field `tolerance`. A partial span takes name, kind, service, status, attributes, resource, events, parent, scope, traceId, spanId, ended. On traces, group and duration matchers take which spans first, then the options: expect(traces).toRunInParallel({ kind: 'client' }, { tolerance: '2ms' }).",
    );
    expect(() => expect(trace).toHaveDuration({ under: '200ms' })).toThrowError('unknown field `under`');
  });
});

describe('timing matchers with selectors', () => {
  it('take a selector wherever they take a partial span', () => {
    expect(trace).toHaveDuration('[kind=client]', { under: '31ms' });
    expect(located('GET /price')).toStartAfterEndOf('"GET /stock"');
    expect(trace).toRunInSequence('"POST /checkout" > [kind=client]');
    expect(set).not.toRunInParallel('[kind=client]');
    expect(trace).toHaveCriticalPath([
      '"POST /checkout"',
      { name: 'GET /stock' },
      span('GET /price'),
      '"GET /shipping"',
      ':leaf',
    ]);
    expect(set).toHaveNoRepeatedSpans('[kind=client]', { under: '[kind=server]:root' });
  });

  it('names the selector in messages and errors', () => {
    expect(() => expect(located('GET /price')).toStartAfter('"GET /nothing"')).toThrowError(
      '[tracespec] toStartAfter(other): no span matches selector "\\"GET /nothing\\"" among 5 spans.',
    );
    expect(
      failureOf(() => expect(trace).toHaveCriticalPath(['"POST /checkout"', '"GET /price"']))
        .split('\n')
        .slice(2, 5),
    ).toEqual([
      'Expected: a critical path of exactly:',
      '  1. selector "\\"POST /checkout\\""',
      '  2. selector "\\"GET /price\\""',
    ]);
  });
});
