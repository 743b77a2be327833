import {
  type CheckResult,
  type CriticalPath,
  criticalPath,
  type DurationInput,
  hasDuration,
  type Span,
  type SpanRef,
  selfTime,
  type Trace,
  type TraceSet,
} from 'tracespec';
import { resolveSpans } from '../../src/check/expectation/resolveSpans.ts';
import { parseDuration } from '../../src/model/duration.ts';
import 'tracespec/vitest';
import { describe, expect, expectTypeOf, test } from 'vitest';

declare const trace: Trace;
declare const set: TraceSet;
declare const span: Span;
declare const spans: Span[];

describe('timing matchers are typed', () => {
  test('durations take units or milliseconds', () => {
    expect(span).toHaveDuration({ under: '200ms' });
    expect(span).toHaveDuration({ over: 5, between: ['250us', '1.5s'] });
    expect(set).toHaveDuration({ name: 'SELECT' }, { under: '20ms' });
    // @ts-expect-error: a unit typo is a type error too
    expect(span).toHaveDuration({ under: '200mss' });
    // @ts-expect-error: bounds are under/over/between
    expect(span).toHaveDuration({ undr: '200ms' });
    // @ts-expect-error: between takes two durations
    expect(span).toHaveDuration({ between: ['1ms'] });
  });

  test('order matchers take a span or a partial span, and a tolerance', () => {
    expect(span).toStartAfter(span);
    expect(span).toStartAfterEndOf({ name: 'GET /stock', kind: 'client' }, { tolerance: '2ms' });
    expect(span).toEndBefore({ name: /GET/ });
    expect(span).toOverlap(span, { tolerance: 0 });
    // @ts-expect-error: kinds are lower-case words
    expect(span).toOverlap({ kind: 'CLIENT' });
    // @ts-expect-error: the other span is required
    expect(span).toStartAfter();
  });

  test('group matchers: an array with options, or traces with a reference', () => {
    expect(spans).toRunInParallel();
    expect(spans).toRunInSequence({ gap: { under: '5ms' } });
    expect(set).toRunInParallel({ name: 'GET', kind: 'client' });
    expect(trace).toRunInSequence({ kind: 'client' }, { gap: { under: '5ms' }, tolerance: '1ms' });
    // @ts-expect-error: gap bounds are durations
    expect(spans).toRunInSequence({ gap: { under: 'soon' } });
  });

  test('selectors are span references', () => {
    expect(set).toRunInParallel('[kind=client]');
    expect(span).toStartAfterEndOf('"GET /stock"');
    expect(trace).toHaveCriticalPath([':root', '"GET /stock"', { name: 'SELECT' }]);
    expect(set).toHaveNoRepeatedSpans('[db.system=postgresql]', { under: '[kind=server]' });
    expectTypeOf<SpanRef>().toExtend<Span | string | object>();
  });

  test('containment, critical path, repeated spans', () => {
    expect(span).toBeWithinParent({ tolerance: '10ms' });
    expect(set).toHaveSpansWithinParents({ ignoreClockSkew: true });
    expect(trace).toHaveCriticalPath([{ name: 'POST /checkout' }, span], { exact: false });
    expect(set).toHaveNoRepeatedSpans(
      { attributes: { 'db.system': 'postgresql' } },
      { under: { kind: 'server' }, max: 2 },
    );
    // @ts-expect-error: max is a number
    expect(set).toHaveNoRepeatedSpans({ name: 'SELECT' }, { max: 'one' });
    expectTypeOf(expect.poll(() => trace).toHaveCriticalPath([])).toEqualTypeOf<Promise<void>>();
    expectTypeOf(expect(span).toBeWithinParent()).toEqualTypeOf<void>();
  });
});

describe('timing functions are typed', () => {
  test('model', () => {
    expectTypeOf(parseDuration).parameter(0).toExtend<DurationInput | string>();
    expectTypeOf(parseDuration('1s')).toEqualTypeOf<bigint>();
    expectTypeOf(selfTime(trace, span)).toEqualTypeOf<bigint>();
    expectTypeOf(criticalPath(trace)).toEqualTypeOf<CriticalPath>();
    expectTypeOf(criticalPath(trace).spans).toEqualTypeOf<readonly Span[]>();
    // Set only on spans the SDK stamped in this process; read-only like every field of a span.
    expectTypeOf(span.clockShiftNano).toEqualTypeOf<bigint | undefined>();
    // @ts-expect-error: a span is read-only
    span.clockShiftNano = 0n;
  });

  test('checks', () => {
    expectTypeOf(hasDuration).returns.toEqualTypeOf<CheckResult>();
    expectTypeOf(resolveSpans).parameter(1).toEqualTypeOf<SpanRef>();
    expectTypeOf(resolveSpans(set, { name: 'x' })).toEqualTypeOf<Span[]>();
  });
});
