// Spans that OpenTelemetry JS stamps itself are compared on the process's monotonic clock. The SDK takes a span's
// start from Date.now() and anchors its end to performance.now() read just after; when the process is paused between
// the two reads (preempted on a loaded machine), the whole span is recorded earlier by the pause. The repeated runs
// saw a child "end 4ms after its parent" that the code had ended first. These tests make that pause happen for real
// at the moment the SDK reads the wall clock (a busy wait inside Date.now, on the real clocks), with both SDK lines.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Context } from '@opentelemetry/api';
import {
  hasSpansWithinParents,
  isOrdered,
  isParallel,
  isSequential,
  isWithinParent,
  type Span,
  SpanRecorder,
  type Trace,
} from 'tracespec';
import { afterEach, describe, expect, it } from 'vitest';
import { clockOf } from '../../../src/model/sdkClock.ts';
import { requireOtel2 } from '../../support/otel2.ts';

type ApiSpan = { end(time?: unknown): void };
type Tracer = { startSpan(name: string, options?: object, context?: Context): ApiSpan };
type Api = typeof import('@opentelemetry/api');

const timingDocs = readFileSync(new URL('../../../docs/timing.md', import.meta.url), 'utf8');
const realDateNow = Date.now;
afterEach(() => {
  Date.now = realDateNow;
});

/** Runs `fn` with the process paused for `ms` right after its next read of the wall clock (Date.now). */
function pausedAfterWallClockRead<T>(ms: number, fn: () => T): T {
  Date.now = () => {
    const wall = realDateNow();
    Date.now = realDateNow;
    const until = performance.now() + ms;
    while (performance.now() < until) {
      // the pause: the process does nothing else until the monotonic clock has moved on by `ms`
    }
    return wall;
  };
  try {
    return fn();
  } finally {
    Date.now = realDateNow;
  }
}

/** Lets at least `ms` pass on the monotonic clock (a condition with a deadline, not a timer). */
function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // waiting for the clock
  }
}

/**
 * Runs a scenario until its spans show, as recorded, what the injected pause causes. The machine may pause the
 * process elsewhere too (between two statements of the scenario), which can hide the effect in one attempt.
 */
function reproduced<T>(attempt: () => T | undefined): T {
  for (let i = 0; i < 20; i++) {
    const result = attempt();
    if (result !== undefined) return result;
  }
  throw new Error('the injected pause did not show in the recorded times in 20 attempts');
}

const requireRoot = createRequire(import.meta.url);

describe.each([
  ['3.x', requireRoot, '@opentelemetry/sdk-trace', 'TracerProvider'],
  ['2.x', requireOtel2, '@opentelemetry/sdk-trace-base', 'BasicTracerProvider'],
] as const)('spans stamped by the %s line in this process', (_line, require, packageName, providerClass) => {
  const setUp = () => {
    const sdk = require(packageName) as Record<string, new (options: object) => { getTracer(name: string): Tracer }>;
    const api = require('@opentelemetry/api') as Api;
    const recorder = new SpanRecorder();
    const Provider = sdk[providerClass] as new (options: object) => { getTracer(name: string): Tracer };
    const tracer = new Provider({ spanProcessors: [recorder] }).getTracer('clock');
    const under = (parent: ApiSpan) => api.trace.setSpan(api.ROOT_CONTEXT, parent as never);
    const traceOf = (): Trace => recorder.store.traceSet().only();
    const named = (name: string): Span => {
      const found = traceOf().spans.find((span) => span.name === name);
      if (!found) throw new Error(`test setup: no span ${name}`);
      return found;
    };
    return { tracer, under, traceOf, named, set: () => recorder.store.traceSet() };
  };

  it('a parent paused while stamped: its child ended first, and lies within it (the repeated runs saw 4ms)', () => {
    const { set, child, handler } = reproduced(() => {
      const { tracer, under, named, set } = setUp();
      const parent = pausedAfterWallClockRead(4, () => tracer.startSpan('POST /checkout'));
      tracer.startSpan('GET /shipping', {}, under(parent)).end();
      parent.end();
      const child = named('GET /shipping');
      const handler = named('POST /checkout');
      // As recorded, the child ends after its parent: the pause moved the parent earlier.
      return child.endTimeUnixNano - handler.endTimeUnixNano > 2_000_000n ? { set, child, handler } : undefined;
    });
    expect(clockOf([child, handler]).monotonic).toBe(true);
    const trace = set().only();
    expect(isWithinParent(child, {}, trace).pass).toBe(true);
    expect(isWithinParent(child, { tolerance: 0 }, trace).pass).toBe(true);
    expect(hasSpansWithinParents(set()).pass).toBe(true);
  });

  it('a real overhang (the parent ended first) still fails, and says so without a guess about stamping', () => {
    const { tracer, under, traceOf, named } = setUp();
    const parent = tracer.startSpan('POST /checkout');
    const child = tracer.startSpan('GET /shipping', {}, under(parent));
    parent.end();
    busyFor(3);
    child.end();
    const result = isWithinParent(named('GET /shipping'), {}, traceOf());
    expect(result.pass).toBe(false);
    expect(result.message()).toMatch(
      /ends \d+(\.\d+)?ms after its parent \(tolerance 1ms\): one process, timed on its monotonic clock: the parent ended before this span did; likely a missing await/,
    );
    expect(result.message()).not.toContain('inferred');
    // docs/timing.md shows this line, with the figure of one run.
    const line = /ends [\d.]+ms after its parent .*/.exec(result.message())?.[0] ?? 'no line';
    expect(timingDocs).toContain(line.replace(/^ends [\d.]+ms/, 'ends 3.1ms'));
  });

  it('two calls in flight together: the first, paused while stamped, still overlaps the second', () => {
    const { trace, first, second } = reproduced(() => {
      const { tracer, under, traceOf, named } = setUp();
      const parent = tracer.startSpan('POST /checkout');
      const stock = pausedAfterWallClockRead(4, () => tracer.startSpan('GET /stock', {}, under(parent)));
      const price = tracer.startSpan('GET /price', {}, under(parent));
      busyFor(2);
      stock.end();
      price.end();
      parent.end();
      const [first, second] = [named('GET /stock'), named('GET /price')];
      // As recorded, the first ends before the second starts: the pause moved its end earlier.
      return second.startTimeUnixNano > first.endTimeUnixNano ? { trace: traceOf(), first, second } : undefined;
    });
    expect(isParallel([first, second], {}, trace).pass).toBe(true);
    expect(isOrdered('overlaps', second, first).pass).toBe(true);
    expect(isOrdered('startsAfterEndOf', second, first, { tolerance: 0 }).pass).toBe(false);
    expect(isOrdered('startsAfter', second, first, { tolerance: 0 }).pass).toBe(true);
    expect(isOrdered('endsBefore', first, second, { tolerance: 0 }).pass).toBe(true);
    expect(isSequential([first, second], {}, trace).pass).toBe(false);
    expect(isSequential([first, second], {}, trace).message()).toMatch(/#2 starts \d+(\.\d+)?ms before #1 ends/);
  });

  it('spans given their times are compared as recorded', () => {
    const { tracer, under, traceOf, named } = setUp();
    const origin = realDateNow() + 1_000;
    const parent = tracer.startSpan('POST /checkout', { startTime: origin });
    tracer.startSpan('GET /shipping', { startTime: origin + 5 }, under(parent)).end(origin + 14);
    parent.end(origin + 10);
    const child = named('GET /shipping');
    expect(clockOf([child, named('POST /checkout')]).monotonic).toBe(false);
    const result = isWithinParent(child, {}, traceOf());
    expect(result.pass).toBe(false);
    expect(result.message()).toContain('ends 4ms after its parent (tolerance 1ms): same clock, so not skew: likely');
  });

  it('a span ended with a wall-clock time (a Date) is compared as recorded, with the others', () => {
    const { tracer, under, named } = setUp();
    const parent = tracer.startSpan('POST /checkout');
    busyFor(2);
    tracer.startSpan('GET /shipping', {}, under(parent)).end(new Date(realDateNow() + 3));
    parent.end();
    expect(clockOf([named('POST /checkout')]).monotonic).toBe(true);
    expect(clockOf([named('GET /shipping')]).monotonic).toBe(false);
    expect(clockOf([named('GET /shipping'), named('POST /checkout')]).monotonic).toBe(false);
  });
});
