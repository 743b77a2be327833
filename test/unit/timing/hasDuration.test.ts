import { hasDuration } from 'tracespec';
import { describe, expect, it } from 'vitest';
import { resolveSpans } from '../../../src/check/expectation/resolveSpans.ts';
import { timedTrace } from '../../support/timedTrace.ts';

const { trace, span } = timedTrace({
  name: 'GET /orders',
  kind: 'server',
  start: 0,
  end: 200,
  children: [
    { name: 'SELECT', start: 10, end: 60 },
    { name: 'SELECT', start: 60, end: 70 },
    { name: 'instant', start: 80, end: 80 },
  ],
});

describe('hasDuration', () => {
  it('under and over are strict; equal durations fail them', () => {
    expect(hasDuration([span('GET /orders')], { under: '200ms' }).pass).toBe(false);
    expect(hasDuration([span('GET /orders')], { under: '200.001ms' }).pass).toBe(true);
    expect(hasDuration([span('GET /orders')], { over: 200 }).pass).toBe(false);
    expect(hasDuration([span('GET /orders')], { over: '199.999ms' }).pass).toBe(true);
  });

  it('between is inclusive on both ends', () => {
    expect(hasDuration([span('GET /orders')], { between: ['200ms', '1s'] }).pass).toBe(true);
    expect(hasDuration([span('GET /orders')], { between: ['100ms', '0.2s'] }).pass).toBe(true);
    expect(hasDuration([span('GET /orders')], { between: ['100ms', '199ms'] }).pass).toBe(false);
  });

  it('a zero-length span lasts 0: under anything positive, over nothing', () => {
    expect(hasDuration([span('instant')], { under: '1ns' }).pass).toBe(true);
    expect(hasDuration([span('instant')], { over: 0 }).pass).toBe(false);
    expect(hasDuration([span('instant')], { between: [0, 0] }).pass).toBe(true);
  });

  it('combines bounds', () => {
    expect(hasDuration([span('GET /orders')], { over: '100ms', under: '1s' }).pass).toBe(true);
    expect(hasDuration([span('GET /orders')], { over: '100ms', under: '150ms' }).pass).toBe(false);
  });

  it('checks every span a reference matches, and lists the ones out of bounds', () => {
    const selects = resolveSpans(trace, { name: 'SELECT' });
    expect(selects).toHaveLength(2);
    const result = hasDuration(selects, { under: '20ms' }, trace);
    expect(result.pass).toBe(false);
    expect(result.message()).toMatchInlineSnapshot(`
      "Expected: every one of 2 spans to last under 20ms
      Received: 1 of 2 does not:
        1. app internal "SELECT" 50ms

      trace c73c58810242b9fc37465599af11e11d (4 spans, 200ms; one █ = 5ms)
                                         0ms                                200ms
        GET /orders                      ████████████████████████████████████████   200ms
        ├─ SELECT                        ··██████████····························    50ms  ◀ not under 20ms
        └─ SELECT                        ············██··························    10ms"
    `);
    expect(hasDuration(selects, { under: '51ms' }).pass).toBe(true);
  });

  it('fails with no span to check', () => {
    const result = hasDuration([], { under: '1s' });
    expect(result.pass).toBe(false);
    expect(result.message()).toBe('Expected: spans with a duration under 1s\nReceived: no span to check');
  });

  it('shows the span on the waterfall when it fails', () => {
    expect(hasDuration([span('GET /orders')], { under: '150ms' }, trace).message()).toMatchInlineSnapshot(`
      "Expected: a duration under 150ms
      Received: 200ms
      Span: app server "GET /orders" 200ms

      trace c73c58810242b9fc37465599af11e11d (4 spans, 200ms; one █ = 5ms)
                                         0ms                                200ms
        GET /orders                      ████████████████████████████████████████   200ms  ◀ not under 150ms"
    `);
  });

  it('reads the same message the other way round for .not', () => {
    const result = hasDuration([span('SELECT')], { under: '1s' });
    expect(result.pass).toBe(true);
    expect(result.message().split('\n').slice(0, 2)).toEqual(['Expected: not a duration under 1s', 'Received: 50ms']);
  });

  it.each([
    [{ under: '200mss' }, 'option `under`: cannot read the duration "200mss": unknown unit "mss"'],
    [{ undr: '200ms' }, 'unknown option `undr`; use under, over or between'],
    [{}, 'give at least one of under, over or between'],
    [{ between: ['50ms', '10ms'] }, 'option `between` goes from 50ms down to 10ms; put the smaller duration first'],
    [{ between: ['10ms'] }, "option `between` takes two durations, e.g. ['10ms', '50ms']"],
  ])('rejects %j with a clear error', (bounds, error) => {
    expect(() => hasDuration([span('SELECT')], bounds as never)).toThrowError(`[tracespec] toHaveDuration(): ${error}`);
  });
});
