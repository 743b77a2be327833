import { normalizeTraces, renderSnapshot, type SnapshotOptions, TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { makeSpan } from '../../support/spanBuilder.ts';

const root = makeSpan({
  name: 'GET /orders',
  kind: 'server',
  start: 0,
  end: 42,
  status: { code: 'ok' },
  attributes: { 'http.route': '/orders', 'http.method': 'GET', 'user_agent.original': 'curl' },
  events: [{ name: 'cache miss', timeUnixNano: 5n, attributes: { 'cache.key': 'orders' } }],
});
const child = makeSpan({
  parent: root,
  name: 'SELECT',
  kind: 'client',
  start: 1,
  end: 3.5,
  status: { code: 'error', message: 'timeout' },
  links: [{ traceId: root.traceId, spanId: root.spanId, attributes: {} }],
});
const shape = (options: SnapshotOptions = {}) => normalizeTraces(TraceSet.fromSpans([root, child]), options);
const render = (options: SnapshotOptions = {}) => renderSnapshot(shape(options));

describe('shape options', () => {
  test('by default: every attribute, events and links, no times', () => {
    expect(shape()).toMatchInlineSnapshot(`
      trace 1 (2 spans)
        #1 test server "GET /orders" ok
          · http.method: "GET"
          · http.route: "/orders"
          · user_agent.original: "curl"
          event "cache miss" {cache.key: "orders"}
          test client "SELECT" error: "timeout"
            link -> #1
    `);
    expect(render()).not.toMatch(/\d+(\.\d+)?ms/);
  });

  test('include attributes by key or pattern', () => {
    const text = render({ attributes: { include: ['http.route', /^cache\./] } });
    expect(text).toContain('· http.route: "/orders"');
    expect(text).toContain('event "cache miss" {cache.key: "orders"}');
    expect(text).not.toContain('http.method');
    expect(text).not.toContain('user_agent');
  });

  test('exclude attributes by key or pattern', () => {
    const text = render({ attributes: { exclude: ['http.method', /^user_agent\./] } });
    expect(text).toContain('· http.route: "/orders"');
    expect(text).not.toContain('http.method');
    expect(text).not.toContain('user_agent');
  });

  test('leave out events and links', () => {
    const text = render({ events: false, links: false });
    expect(text).not.toContain('event');
    expect(text).not.toContain('link');
    expect(text).not.toContain('#1');
  });

  test('durations bucketed', () => {
    const text = render({ durations: [1, 10, 100], attributes: { include: [] }, events: false, links: false });
    expect(text).toBe(
      renderSnapshot(shape({ durations: [1, 10, 100], attributes: { include: [] }, events: false, links: false })),
    );
    expect(
      shape({ durations: [1, 10, 100], attributes: { include: [] }, events: false, links: false }),
    ).toMatchInlineSnapshot(`
      trace 1 (2 spans)
        test server "GET /orders" ok [10ms..100ms]
          test client "SELECT" error: "timeout" [1ms..10ms]
    `);
    expect(render({ durations: [1], attributes: { include: [] } })).toContain('"GET /orders" ok [>=1ms]');
  });

  test('duration buckets at their edges: a bound belongs to the bucket it starts', () => {
    const bucketOf = (ms: number) => {
      const span = makeSpan({ name: 'timed', start: 0, end: ms });
      const [trace] = normalizeTraces(TraceSet.fromSpans([span]), { durations: [10, 100] }).traces;
      return trace?.tops[0]?.duration;
    };
    expect([0, 9.999, 10, 10.001, 99.999, 100, 100.001, 5000].map(bucketOf)).toEqual([
      '<10ms',
      '<10ms',
      '10ms..100ms',
      '10ms..100ms',
      '10ms..100ms',
      '>=100ms',
      '>=100ms',
      '>=100ms',
    ]);
    // Bounds may come in any order.
    const [unsorted] = normalizeTraces(TraceSet.fromSpans([makeSpan({ start: 0, end: 50 })]), {
      durations: [100, 10],
    }).traces;
    expect(unsorted?.tops[0]?.duration).toBe('10ms..100ms');
  });

  test('an open span gets no duration bucket: its duration is not known yet', () => {
    const open = makeSpan({ name: 'still running', start: 0, end: 0, ended: false });
    const ended = makeSpan({ name: 'done', start: 0, end: 0 });
    const shape = normalizeTraces(TraceSet.fromSpans([open, ended]), { durations: [10] });
    const text = renderSnapshot(shape);
    expect(text).toContain('"done" [<10ms]');
    expect(text).toMatch(/"still running"(?! \[<10ms\])/);
    expect(text).not.toMatch(/"still running"[^\n]*\[<10ms\]/);
  });

  test('an empty set prints a line that says so', () => {
    expect(renderSnapshot(normalizeTraces(TraceSet.fromSpans([])))).toBe('no traces');
  });
});
