import { Trace } from 'tracespec';
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
Trace.of([root, query]);

describe('span matchers', () => {
  test('toHaveAttributes matches a subset', () => {
    expect(query).toHaveAttributes({ 'db.system': 'postgresql' });
    expect(query).toHaveAttributes({ 'db.rows': expect.any(Number), 'db.system': /^postgres/ });
    expect(query).not.toHaveAttributes({ 'db.system': 'mysql' });
    expect(
      failureOf(() => expect(query).toHaveAttributes({ 'db.system': 'mysql', 'db.rows': 3 })),
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
    expect(query).toHaveStatus('error');
    expect(query).toHaveStatus({ code: 'error', message: /timeout/ });
    expect(root).toHaveStatus('unset');
    expect(failureOf(() => expect(root).toHaveStatus({ code: 'ok' }))).toMatchInlineSnapshot(`
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
    expect(query).toHaveEvent('exception');
    expect(query).toHaveEvent({ name: 'exception', attributes: { 'exception.type': 'TimeoutError' } });
    expect(root).not.toHaveEvent('exception');
    expect(
      failureOf(() => expect(query).toHaveEvent({ name: 'exception', attributes: { 'exception.type': 'TypeError' } })),
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
    expect(query).toHaveParent({ name: 'GET /orders/:id', kind: 'server' });
    expect(query).toHaveParent(root);
    expect(query).not.toHaveParent(query);
    expect(failureOf(() => expect(query).toHaveParent({ kind: 'client' }))).toMatchInlineSnapshot(`
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
    expect(root).toBeRoot();
    expect(query).not.toBeRoot();
    expect(failureOf(() => expect(query).toBeRoot())).toMatchInlineSnapshot(`
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
