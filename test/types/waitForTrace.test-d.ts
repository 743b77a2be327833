import { describe, expectTypeOf, test } from 'vitest';
import type { Trace } from '../../src/index.ts';
import type { Collector, TraceSelector } from '../../src/otlp/index.ts';

declare const collector: Collector;

describe('tracespec/otlp: waitForTrace selectors', () => {
  test('takes a selector string, a partial span, a pattern or a predicate', () => {
    expectTypeOf(collector.waitForTrace('[service=pricing]')).toEqualTypeOf<Promise<Trace>>();
    expectTypeOf(collector.waitForTrace({ name: 'charge card', kind: 'client' })).toEqualTypeOf<Promise<Trace>>();
    expectTypeOf(collector.waitForTrace({ rootName: /checkout/ })).toEqualTypeOf<Promise<Trace>>();
    expectTypeOf(collector.waitForTrace((trace) => trace.size > 2)).toEqualTypeOf<Promise<Trace>>();
    expectTypeOf<'[kind=server]'>().toExtend<TraceSelector>();
    // @ts-expect-error: a number is no selector
    void collector.waitForTrace(42);
    // @ts-expect-error: kind is one of the span kinds
    void collector.waitForTrace({ kind: 'servr' });
  });
});
