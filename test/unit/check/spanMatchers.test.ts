import { Trace } from 'tracespec';
import { inTrace } from 'tracespec/vitest';
import { describe, expect, test } from 'vitest';
import { failureOf } from '../../support/failure.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

const root = makeSpan({
  traceId: 'e'.repeat(32),
  spanId: '00000000000000a1',
  name: 'GET /orders/:id',
  kind: 'server',
  service: 'orders',
  start: 0,
  end: 20,
});
const query = makeSpan({
  parent: root,
  spanId: '00000000000000a2',
  name: 'SELECT orders',
  kind: 'client',
  service: 'orders',
  start: 2,
  end: 12,
  attributes: { 'db.system': 'postgresql', 'db.rows': 3 },
  status: { code: 'error', message: 'timeout after 10ms' },
  events: [{ name: 'exception', timeUnixNano: 0n, attributes: { 'exception.type': 'TimeoutError' } }],
});
// Spans built by hand are in no test's store: the matchers are told their trace with inTrace().
const trace = Trace.of([root, query]);

describe('span matchers', () => {
  test('toHaveAttributes matches a subset', () => {
    expect(inTrace(query, trace)).toHaveAttributes({ 'db.system': 'postgresql' });
    expect(inTrace(query, trace)).toHaveAttributes({ 'db.rows': expect.any(Number), 'db.system': /^postgres/ });
    expect(inTrace(query, trace)).not.toHaveAttributes({ 'db.system': 'mysql' });
    expect(
      failureOf(() => expect(inTrace(query, trace)).toHaveAttributes({ 'db.system': 'mysql', 'db.rows': 3 })),
    ).toMatchInlineSnapshot(`
      "expect(span).toHaveAttributes(expected)

      Expected: { db.system: "mysql", db.rows: 3 }
      Span: orders client "SELECT orders" 10ms error: "timeout after 10ms"

        attributes.db.system: expected "mysql", received "postgresql"

      trace eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee (2 spans)
        orders server "GET /orders/:id" 20ms
        └─ orders client "SELECT orders" 10ms error: "timeout after 10ms"  {db.system="postgresql", db.rows=3}  ◀ this span"
    `);
  });

  test('toHaveStatus takes a code or a partial status', () => {
    expect(inTrace(query, trace)).toHaveStatus('error');
    expect(inTrace(query, trace)).toHaveStatus({ code: 'error', message: /timeout/ });
    expect(inTrace(root, trace)).toHaveStatus('unset');
    expect(failureOf(() => expect(inTrace(root, trace)).toHaveStatus({ code: 'ok' }))).toMatchInlineSnapshot(`
      "expect(span).toHaveStatus(expected)

      Expected: status { code: "ok" }
      Span: orders server "GET /orders/:id" 20ms

        status.code: expected "ok", received "unset"

      trace eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee (2 spans)
        orders server "GET /orders/:id" 20ms  ◀ this span
        └─ orders client "SELECT orders" 10ms error: "timeout after 10ms""
    `);
  });

  test('toHaveEvent takes a name or a partial event, and lists the events on failure', () => {
    expect(inTrace(query, trace)).toHaveEvent('exception');
    expect(inTrace(query, trace)).toHaveEvent({ name: 'exception', attributes: { 'exception.type': 'TimeoutError' } });
    expect(inTrace(root, trace)).not.toHaveEvent('exception');
    expect(
      failureOf(() =>
        expect(inTrace(query, trace)).toHaveEvent({ name: 'exception', attributes: { 'exception.type': 'TypeError' } }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(span).toHaveEvent(expected)

      Expected: event { name: "exception", attributes: { exception.type: "TypeError" } }
      Span: orders client "SELECT orders" 10ms error: "timeout after 10ms"

        events[0]: expected { name: "exception", attributes: { exception.type: "TypeError" } }, received ["exception"]

      trace eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee (2 spans)
        orders server "GET /orders/:id" 20ms
        └─ orders client "SELECT orders" 10ms error: "timeout after 10ms"  ◀ this span

      Events of the span:
          exception { exception.type: "TimeoutError" }"
    `);
  });

  test('toHaveParent takes a partial span or the span itself', () => {
    expect(inTrace(query, trace)).toHaveParent({ name: 'GET /orders/:id', kind: 'server' });
    expect(inTrace(query, trace)).toHaveParent(root);
    expect(inTrace(query, trace)).not.toHaveParent(query);
    expect(failureOf(() => expect(inTrace(query, trace)).toHaveParent({ kind: 'client' }))).toMatchInlineSnapshot(`
      "expect(span).toHaveParent(expected)

      Expected: parent
      Span: orders client "SELECT orders" 10ms error: "timeout after 10ms"

        parent.kind: expected "client", received "server"

      trace eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee (2 spans)
        orders server "GET /orders/:id" 20ms
        └─ orders client "SELECT orders" 10ms error: "timeout after 10ms"  ◀ this span"
    `);
  });

  test('toBeRoot', () => {
    expect(inTrace(root, trace)).toBeRoot();
    expect(inTrace(query, trace)).not.toBeRoot();
    expect(failureOf(() => expect(inTrace(query, trace)).toBeRoot())).toMatchInlineSnapshot(`
      "expect(span).toBeRoot()

      Expected: a root span: orders client "SELECT orders" 10ms error: "timeout after 10ms"
      Received: its parent is orders server "GET /orders/:id" 20ms

      trace eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee (2 spans)
        orders server "GET /orders/:id" 20ms
        └─ orders client "SELECT orders" 10ms error: "timeout after 10ms"  ◀ this span"
    `);
  });

  test('a non-span is a clear error', () => {
    expect(() => expect({ name: 'x' }).toHaveStatus('ok')).toThrow(/expects a recorded span, but received an object/);
    expect(() => expect({ spanContext: () => ({}) }).toBeRoot()).toThrow(/looks like an OpenTelemetry SDK span/);
  });
});

describe('span matchers on a span whose trace is not known', () => {
  test('the field matchers still work, without the tree in the message', () => {
    expect(query).toHaveStatus('error');
    expect(failureOf(() => expect(query).toHaveStatus('ok'))).toMatchInlineSnapshot(`
      "expect(span).toHaveStatus(expected)

      Expected: status "ok"
      Span: orders client "SELECT orders" 10ms error: "timeout after 10ms"

        status.code: expected "ok", received "error""
    `);
    expect(query).toHaveParent(root);
    expect(root).toBeRoot();
    // Without the trace it cannot tell whether the parent is missing, so it does not call the span an orphan.
    expect(failureOf(() => expect(query).toBeRoot())).toMatch(/Received: its parent id is 00000000000000a1$/);
  });

  test('a matcher that must read the tree says how to give it the trace', () => {
    expect(() => expect(query).toHaveParent({ kind: 'server' })).toThrow(
      '[tracespec] a `parent` expectation: orders client "SELECT orders" 10ms error: "timeout after 10ms" is in none of the traces given, so its parent cannot be looked up. Give the check the trace the span belongs to (the last argument of the check function), or in a test expect(inTrace(span, trace)) for a span that is not one of the spans the test recorded.',
    );
    expect(() => expect(query).toBeWithinParent()).toThrow(/toBeWithinParent\(\): .* is in none of the traces given/);
    expect(() => inTrace(query, Trace.of([root]))).toThrow(
      '[tracespec] inTrace(span, trace): orders client "SELECT orders" 10ms error: "timeout after 10ms" is not in the trace given. Pass the trace it was built into.',
    );
  });
});
