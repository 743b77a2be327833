import { format, inspect } from 'node:util';
import { SpanStore, TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { TestTraces } from '../../../src/capture/TestTraces.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

const id = (c: string) => c.repeat(32);

/** A store with: two traces of test "a", one of test "b" at the same time, and two nobody claimed. */
function storeOfTwoTests(): SpanStore {
  const store = new SpanStore();
  store.add(
    makeSpan({ traceId: id('1'), name: 'a first', start: 0, end: 100 }),
    makeSpan({ traceId: id('2'), name: 'a second', start: 200, end: 300 }),
    makeSpan({ traceId: id('3'), name: 'b', start: 50, end: 150 }),
    makeSpan({ traceId: id('4'), name: 'split off', start: 20, end: 60 }),
    makeSpan({ traceId: id('5'), name: 'long before', start: -10_000, end: -9_000 }),
  );
  store.claim(id('1'), 'a');
  store.claim(id('2'), 'a');
  store.claim(id('3'), 'b');
  return store;
}

describe('TestTraces', () => {
  test('reads like a TraceSet: traces, spans, size, get, iteration', () => {
    const traces = new TestTraces(storeOfTwoTests(), 'a');
    expect(traces.traces.map((trace) => trace.traceId)).toEqual([id('1'), id('2')]);
    expect(traces.all).toEqual(traces.traces);
    expect(traces.size).toBe(2);
    expect(traces.spans.map((span) => span.name)).toEqual(['a first', 'a second']);
    expect(traces.get(id('2'))?.root?.name).toBe('a second');
    expect(traces.get(id('3'))).toBeUndefined();
    expect([...traces].map((trace) => trace.traceId)).toEqual([id('1'), id('2')]);
    expect(traces.traceSet()).toBeInstanceOf(TraceSet);
    expect(() => traces.only()).toThrow('[tracespec] expected exactly one trace, found 2');
  });

  test('is live: a read sees spans recorded after the view was made', () => {
    const store = new SpanStore();
    const traces = new TestTraces(store, 'a');
    expect(traces.size).toBe(0);
    store.add(makeSpan({ traceId: id('6'), name: 'later' }));
    store.claim(id('6'), 'a');
    expect(traces.only().root?.name).toBe('later');
  });

  test('prints as trees: String(traces) and console.log(traces) show the test’s traces, not the view’s fields', () => {
    const traces = new TestTraces(storeOfTwoTests(), 'a');
    const expected = [
      'TestTraces: 2 traces, 2 spans',
      `trace ${id('1')} (1 span)`,
      '  test internal "a first" 100ms',
      '',
      `trace ${id('2')} (1 span)`,
      '  test internal "a second" 100ms',
    ].join('\n');
    expect(`${traces}`).toBe(expected);
    expect(inspect(traces)).toBe(expected);
    expect(format('%o', traces)).toBe(expected);
    expect(`${new TestTraces(new SpanStore(), 'a')}`).toBe('TestTraces: no spans yet');
  });

  test("strays() are the unclaimed traces that ran during the test's traces, not other tests' nor older ones", () => {
    const traces = new TestTraces(storeOfTwoTests(), 'a');
    expect(traces.strays().traces.map((trace) => trace.root?.name)).toEqual(['split off']);
    const evidence = traces.evidence();
    expect(evidence.others?.traces.map((trace) => trace.root?.name)).toEqual(['b']);
    expect(evidence.concurrentTests).toBe(true);
    expect(new TestTraces(storeOfTwoTests(), 'nobody').strays().size).toBe(0);
  });
});
