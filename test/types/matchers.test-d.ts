import {
  type CheckResult,
  hasParent,
  hasSpan,
  installTracing,
  isOrdered,
  isRoot,
  type Span,
  type SpanExpectation,
  SpanRecorder,
  type TestTraces,
  Trace,
  TraceSet,
  type Tracing,
} from 'tracespec';
import {
  type InTrace,
  inTrace,
  setupTracing,
  type TracespecMatchers,
  test as tracedTest,
  traces,
  tracespecMatchers,
} from 'tracespec/vitest';
import { describe, expect, expectTypeOf, test } from 'vitest';

declare const trace: Trace;
declare const span: Span;

describe('matcher augmentation', () => {
  test('trace matchers are typed', () => {
    expectTypeOf(expect(trace).toHaveSpan).parameter(0).toEqualTypeOf<SpanExpectation | string>();
    expectTypeOf(expect(trace).toHaveSpan({ name: 'x' }, { times: 1 })).toEqualTypeOf<void>();
    expectTypeOf(expect(trace).toHaveNoErrors()).toEqualTypeOf<void>();
    // @ts-expect-error: kind must be one of the span kinds
    expect(trace).toHaveSpan({ kind: 'serverr' });
    // @ts-expect-error: count options are numbers
    expect(trace).toHaveSpan({ name: 'x' }, { times: 'one' });
  });

  test('span matchers are typed', () => {
    expect(span).toHaveStatus('ok');
    expectTypeOf(expect(span).toBeRoot()).toEqualTypeOf<void>();
    expect(span).toHaveAttributes({ 'http.route': '/x', 'http.status_code': expect.any(Number) });
    // @ts-expect-error: status codes are lower-case words
    expect(span).toHaveStatus('ERROR');
  });

  test('inTrace hands a span or spans to the matchers with their trace', () => {
    expectTypeOf(inTrace(span, trace)).toEqualTypeOf<InTrace<Span>>();
    expectTypeOf(inTrace([span, span], new TraceSet([trace]))).toEqualTypeOf<InTrace<Span[]>>();
    expect(inTrace(span, trace)).toHaveParent({ name: 'GET' });
    expect(inTrace([span, span], trace)).toRunInParallel();
    // @ts-expect-error: the trace of the span, not a selector
    inTrace(span, 'GET');
    // @ts-expect-error: spans, not names
    inTrace('GET', trace);
  });

  test('every family is in tracespecMatchers and TracespecMatchers', () => {
    expectTypeOf(tracespecMatchers).toHaveProperty('toHaveSpan');
    expectTypeOf(tracespecMatchers).toHaveProperty('toHaveStatus');
    expectTypeOf(tracespecMatchers).toHaveProperty('toRunInParallel');
    expectTypeOf(tracespecMatchers).toHaveProperty('toCarryTraceContext');
    expectTypeOf(tracespecMatchers).toHaveProperty('toMatchTraceSnapshot');
    expectTypeOf<keyof typeof tracespecMatchers>().toEqualTypeOf<keyof TracespecMatchers>();
  });

  test('expect.poll makes matchers return promises', () => {
    expectTypeOf(expect.poll(() => trace).toHaveSpan({ name: 'x' })).toEqualTypeOf<Promise<void>>();
  });
});

describe('public signatures', () => {
  test('model', () => {
    expectTypeOf(Trace.build).returns.toEqualTypeOf<Trace[]>();
    expectTypeOf(trace.root).toEqualTypeOf<Span | undefined>();
    expectTypeOf(trace.children(span)).toEqualTypeOf<readonly Span[]>();
    expectTypeOf(trace.descendants(span)).toEqualTypeOf<readonly Span[]>();
    expectTypeOf(trace.descendantCount(span)).toEqualTypeOf<number>();
    expectTypeOf(TraceSet.fromSpans([span]).only()).toEqualTypeOf<Trace>();
    expectTypeOf(span.startTimeUnixNano).toEqualTypeOf<bigint>();
    expectTypeOf(span.kind).toEqualTypeOf<'internal' | 'server' | 'client' | 'producer' | 'consumer'>();
  });

  test("span checks take the span's trace last", () => {
    expectTypeOf(hasParent(span, { name: 'root' }, trace)).toEqualTypeOf<CheckResult>();
    expectTypeOf(hasParent(span, span)).toEqualTypeOf<CheckResult>();
    expectTypeOf(isRoot(span, trace)).toEqualTypeOf<CheckResult>();
    expectTypeOf(
      isOrdered('startsAfter', span, { name: 'a' }, { tolerance: '1ms' }, trace),
    ).toEqualTypeOf<CheckResult>();
    // @ts-expect-error: the trace, not a set of traces
    hasParent(span, { name: 'root' }, new TraceSet([trace]));
  });

  test('checks and set-up', () => {
    expectTypeOf(hasSpan).returns.toEqualTypeOf<CheckResult>();
    expectTypeOf(installTracing).returns.toEqualTypeOf<Tracing>();
    expectTypeOf(setupTracing).returns.toEqualTypeOf<Tracing>();
    expectTypeOf(traces).returns.toEqualTypeOf<TestTraces>();
    expectTypeOf(new SpanRecorder().openSpans()).toEqualTypeOf<Span[]>();
  });

  test('the fixture gives each test its traces', () => {
    tracedTest('typed', ({ traces: mine }) => {
      expectTypeOf(mine).toEqualTypeOf<TestTraces>();
      expectTypeOf(mine.only()).toEqualTypeOf<Trace>();
      expectTypeOf(mine.toString()).toEqualTypeOf<string>();
    });
  });
});
