import { hasSemanticConventions, type Span, TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { failureOf } from '../../support/failure.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

const server = (attributes: Span['attributes'] = {}, extra: Partial<Span> = {}): Span => ({
  ...makeSpan({
    traceId: 'e'.repeat(32),
    spanId: '0000000000000001',
    name: 'GET /orders/:id',
    kind: 'server',
    service: 'orders',
    end: 12,
    attributes: {
      'http.request.method': 'GET',
      'url.path': '/orders/7',
      'url.scheme': 'http',
      'http.route': '/orders/:id',
      'http.response.status_code': 200,
      ...attributes,
    },
  }),
  ...extra,
});

const client = (attributes: Span['attributes'] = {}, extra: Partial<Span> = {}): Span => ({
  ...makeSpan({
    traceId: 'f'.repeat(32),
    spanId: '0000000000000002',
    name: 'GET',
    kind: 'client',
    service: 'web',
    end: 15,
    attributes: {
      'http.request.method': 'GET',
      'url.full': 'http://orders:8080/orders/7',
      'server.address': 'orders',
      'server.port': 8080,
      'http.response.status_code': 200,
      ...attributes,
    },
  }),
  ...extra,
});

const db = (attributes: Span['attributes'] = {}, extra: Partial<Span> = {}): Span => ({
  ...makeSpan({
    traceId: 'a'.repeat(32),
    spanId: '0000000000000003',
    name: 'SELECT orders',
    kind: 'client',
    service: 'orders',
    end: 3,
    attributes: {
      'db.system.name': 'postgresql',
      'db.operation.name': 'SELECT',
      'db.collection.name': 'orders',
      'db.query.text': 'SELECT * FROM orders WHERE id = $1',
      ...attributes,
    },
  }),
  ...extra,
});

// An RPC span in the old names, as @opentelemetry/instrumentation-grpc records it by default (rpc: old).
const rpc = (kind: 'client' | 'server', attributes: Span['attributes'] = {}, extra: Partial<Span> = {}): Span => ({
  ...makeSpan({
    traceId: 'b'.repeat(32),
    spanId: kind === 'client' ? '0000000000000004' : '0000000000000005',
    name: 'shop.Orders/Place',
    kind,
    service: 'web',
    end: 4,
    attributes: {
      'rpc.system': 'grpc',
      'rpc.service': 'shop.Orders',
      'rpc.method': 'Place',
      'rpc.grpc.status_code': 0,
      ...(kind === 'client' ? { 'server.address': 'orders', 'server.port': 50051 } : {}),
      ...attributes,
    },
  }),
  ...extra,
});

const without = (span: Span, key: string): Span => {
  const { [key]: _, ...attributes } = span.attributes;
  return { ...span, attributes };
};
const error = { status: { code: 'error' as const } };

const broken: [rule: string, span: Span][] = [
  ['http:http.request.method', without(server({ 'http.method': 'GET' }), 'http.request.method')],
  ['http.server:url.path', without(server(), 'url.path')],
  ['http.server:url.scheme', without(server(), 'url.scheme')],
  ['http.client:url.full', without(client(), 'url.full')],
  ['http.client:server.address', without(client(), 'server.address')],
  ['http.client:server.port', client({ 'server.port': '8080' })],
  ['http:http.response.status_code', server({ 'http.response.status_code': '200' })],
  ['http:http.response.status_code', without(server(), 'http.response.status_code')],
  ['http:error.type', client({ 'http.response.status_code': 503, 'error.type': 503 }, error)],
  ['http.server:http.route', server({ 'http.route': ['/orders/:id'] })],
  ['http.method', server({ 'http.request.method': 'get' }, { name: 'get /orders/:id' })],
  ['http.kind', server({}, { kind: 'internal' })],
  ['http.server.name', server({}, { name: 'GET /orders/7' })],
  ['http.server.name', server({ 'http.request.method': '_OTHER' }, { name: '_OTHER /orders/:id' })],
  ['http.client.name', client({}, { name: 'GET http://orders:8080/orders/7' })],
  ['http.server.status', server({ 'http.response.status_code': 500, 'error.type': '500' })],
  ['http.server.status', server({ 'http.response.status_code': 404 }, error)],
  ['http.client.status', client({ 'http.response.status_code': 404, 'error.type': '404' })],
  ['http.client.status', client({ 'http.response.status_code': 204 }, error)],
  ['http.error-type', server({ 'http.response.status_code': 502 }, error)],
  ['deprecated.http.method', server({ 'http.method': 'GET' })],
  ['deprecated.http.status_code', client({ 'http.status_code': 200 })],
  ['deprecated.net.peer.name', client({ 'net.peer.name': 'orders' })],
  ['db:db.system.name', without(db({ 'db.system': 'postgresql' }), 'db.system.name')],
  ['db:db.query.text', db({ 'db.query.text': ['SELECT 1'] })],
  ['db.kind', db({}, { kind: 'internal' })],
  ['db.name', db({}, { name: 'pg.query:SELECT shop' })],
  ['deprecated.db.statement', db({ 'db.statement': 'SELECT 1' })],
  ['db:error.type', db({}, error)],
  ['db:error.type', db({ 'error.type': 42 }, error)],
  ['rpc:rpc.system', without(rpc('client', { 'rpc.system.name': 'grpc' }), 'rpc.system')],
  ['rpc:rpc.grpc.status_code', without(rpc('server'), 'rpc.grpc.status_code')],
  ['rpc.client:server.address', without(without(rpc('client'), 'server.address'), 'server.port')],
  ['rpc.system', rpc('client', { 'rpc.system': 'Connect-RPC' })],
  ['rpc.kind', rpc('client', {}, { kind: 'producer' })],
  ['rpc.name', rpc('server', {}, { name: 'grpc.shop.Orders/Place' })],
  ['rpc.grpc.status-code', rpc('client', { 'rpc.grpc.status_code': 17 }, error)],
  ['rpc.grpc.client.status', rpc('client', { 'rpc.grpc.status_code': 14 })],
  ['rpc.grpc.client.status', rpc('client', {}, error)],
  ['rpc.grpc.server.status', rpc('server', { 'rpc.grpc.status_code': 13 })],
  ['rpc.grpc.server.status', rpc('server', { 'rpc.grpc.status_code': 16 }, error)],
];

describe('toFollowSemanticConventions: a span made to break each rule fails with that rule named', () => {
  test('the unbroken spans pass', () => {
    expect(TraceSet.fromSpans([server(), client(), db(), rpc('client'), rpc('server')])).toFollowSemanticConventions();
    // A failed database call with its error.type; a target that is the server, with no collection or namespace.
    expect(TraceSet.fromSpans([db({ 'error.type': '42P01' }, error)])).toFollowSemanticConventions();
    const onServer = db({ 'server.address': 'db', 'server.port': 5432 }, { name: 'SELECT db:5432' });
    expect(TraceSet.fromSpans([without(onServer, 'db.collection.name')])).toFollowSemanticConventions();
    // The server span of a call the caller got wrong is no error; the client span is.
    expect(
      TraceSet.fromSpans([
        rpc('server', { 'rpc.grpc.status_code': 3 }),
        rpc('client', { 'rpc.grpc.status_code': 3 }, error),
      ]),
    ).toFollowSemanticConventions();
    // Without a route, a server span is named by its method alone.
    expect(TraceSet.fromSpans([{ ...without(server(), 'http.route'), name: 'GET' }])).toFollowSemanticConventions();
  });

  test.each(broken)('%s', (rule, span) => {
    const message = failureOf(() => expect(TraceSet.fromSpans([span])).toFollowSemanticConventions());
    expect(message).toContain(`     ${rule}: `);
  });

  test('the message: each problem with its span, its rule and the spec section, and the tree marked', () => {
    const set = TraceSet.fromSpans([
      server({ 'http.response.status_code': 503, 'http.method': 'GET' }),
      client({ 'server.port': '8080' }, { name: 'GET /orders/7' }),
    ]);
    expect(failureOf(() => expect(set).toFollowSemanticConventions({ signals: ['http'] }))).toMatchInlineSnapshot(`
      "expect(traces).toFollowSemanticConventions(expected)

      Expected: spans that follow the semantic conventions (http: stable)
      Received: 5 problems in 2 of 2 checked spans:
        1. orders server "GET /orders/:id": status code 503 but the span status is unset, not error
           http.server.status: a server span is an error for a 5xx response, and not for a 4xx (the client erred) or 1xx-3xx (https://opentelemetry.io/docs/specs/semconv/http/http-spans/#status)
        2. orders server "GET /orders/:id": status code 503 but error.type is missing (e.g. "503")
           http.error-type: error.type is set on a failed response (server 5xx, client 4xx and 5xx), to the status code when nothing says more (https://opentelemetry.io/docs/specs/semconv/http/http-spans/#common-attributes)
        3. orders server "GET /orders/:id": http.method is deprecated: use http.request.method
           deprecated.http.method: http.method is replaced by http.request.method (https://opentelemetry.io/docs/specs/semconv/non-normative/http-migration/)
        4. web client "GET /orders/7": server.port is the string "8080", not an int
           http.client:server.port: http.client spans have server.port (int) (https://opentelemetry.io/docs/specs/semconv/http/http-spans/#http-client-span)
        5. web client "GET /orders/7": its name is "GET /orders/7", not "GET"
           http.client.name: a client span is named "{method}", or "{method} {url.template}" with a template (https://opentelemetry.io/docs/specs/semconv/http/http-spans/#name)

      trace eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee (1 span)
        orders server "GET /orders/:id" 12ms  ◀ 1, 2, 3

      trace ffffffffffffffffffffffffffffffff (1 span)
        web client "GET /orders/7" 15ms  ◀ 4, 5"
    `);
  });

  test('stability modes: dup and old allow the old names; old needs no stable attribute', () => {
    const dup = server({ 'http.method': 'GET', 'http.status_code': 200 });
    expect(TraceSet.fromSpans([dup])).toFollowSemanticConventions({ stability: 'dup' });
    expect(TraceSet.fromSpans([dup])).not.toFollowSemanticConventions({ stability: 'stable' });
    const old = makeSpan({
      name: 'GET',
      kind: 'client',
      attributes: { 'http.method': 'GET', 'http.url': 'http://orders/x', 'http.status_code': 500 },
      status: { code: 'error' },
    });
    expect(TraceSet.fromSpans([old])).toFollowSemanticConventions({ stability: 'old' });
    expect(TraceSet.fromSpans([old])).toFollowSemanticConventions({ stability: { http: 'old' } });
    expect(TraceSet.fromSpans([old])).not.toFollowSemanticConventions({ stability: 'stable' });
  });

  test('signals, skipped rules, nothing to check, and bad options', () => {
    const set = TraceSet.fromSpans([db({}, { kind: 'internal' })]);
    expect(set).not.toFollowSemanticConventions({ signals: ['db'] });
    expect(set).toFollowSemanticConventions({ signals: ['db'], skip: ['db.kind'] });
    expect(failureOf(() => expect(set).toFollowSemanticConventions({ signals: ['http'] }))).toContain(
      'Received: no http span among 1 spans: nothing to check',
    );
    // @ts-expect-error: not a signal
    expect(() => hasSemanticConventions(set, { signals: ['graphql'] })).toThrow(
      '[tracespec] toFollowSemanticConventions: unknown signal "graphql"; the signals checked are "http", "db", "messaging", "rpc".',
    );
    // @ts-expect-error: not a mode
    expect(() => hasSemanticConventions(set, { stability: 'latest' })).toThrow('use "stable", "dup" or "old"');
  });
});
