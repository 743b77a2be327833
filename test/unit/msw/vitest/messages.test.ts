// Failure messages of the outbound matchers are API: pinned here on hand-built requests and spans (fixed ids).

import type { OutboundRequest } from 'tracespec/msw';
import { readCarriedContext } from 'tracespec/propagation';
import { describe, expect, test } from 'vitest';
import { failureOf } from '../../../support/failure.ts';
import { makeSpan } from '../../../support/spanBuilder.ts';

const TRACE = 'a'.repeat(32);
const server = makeSpan({
  traceId: TRACE,
  spanId: '5e5e5e5e5e5e5e5e',
  name: 'GET /orders',
  kind: 'server',
  start: 0,
  end: 20,
});
const client = makeSpan({
  parent: server,
  spanId: 'c1c1c1c1c1c1c1c1',
  name: 'GET',
  kind: 'client',
  start: 5,
  end: 15,
  attributes: { 'url.full': 'http://api.example.test/users' },
});
const spans = [server, client];

const request = (headers: Record<string, string>, url = 'http://api.example.test/users'): OutboundRequest => ({
  id: '1',
  method: 'GET',
  url,
  host: new URL(url).host,
  headers: { host: new URL(url).host, ...headers },
  context: readCarriedContext(headers),
  currentSpan: { traceId: TRACE, spanId: server.spanId },
  sentAt: 0,
});

describe('toCarryTraceContext', () => {
  test('a missing header shows the headers sent and the right header', () => {
    expect(failureOf(() => expect(request({ accept: '*/*' })).toCarryTraceContext({ spans }))).toMatchInlineSnapshot(`
      "expect(request).toCarryTraceContext(expected)

      Expected: a valid traceparent header, in trace aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, with the CLIENT span that sent it as parent
      Received: no traceparent header

      Request: GET http://api.example.test/users
      Headers sent:
        accept: */*
        host: api.example.test
      Right header:
        traceparent: 00-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-c1c1c1c1c1c1c1c1-01"
    `);
  });

  test('a malformed header gives the exact reason', () => {
    const sent = request({ traceparent: `00-${TRACE}-0000000000000000-01` });
    expect(failureOf(() => expect(sent).toCarryTraceContext({ spans }))).toMatchInlineSnapshot(`
      "expect(request).toCarryTraceContext(expected)

      Expected: a valid traceparent header, in trace aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, with the CLIENT span that sent it as parent
      Received: traceparent is malformed: parent-id is all zeros

      Request: GET http://api.example.test/users
      Headers sent:
        host: api.example.test
        traceparent: 00-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-0000000000000000-01
      Right header:
        traceparent: 00-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-c1c1c1c1c1c1c1c1-01"
    `);
  });

  test('a foreign trace names both traces', () => {
    const sent = request({ b3: `${'f'.repeat(32)}-c1c1c1c1c1c1c1c1-1` });
    expect(failureOf(() => expect(sent).toCarryTraceContext({ format: 'b3', spans }))).toMatchInlineSnapshot(`
      "expect(request).toCarryTraceContext(expected)

      Expected: a valid b3 header, in trace aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, with the CLIENT span that sent it as parent
      Received: trace id ffffffffffffffffffffffffffffffff is a foreign trace, not the test's trace aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa

      Request: GET http://api.example.test/users
      Headers sent:
        b3: ffffffffffffffffffffffffffffffff-c1c1c1c1c1c1c1c1-1
        host: api.example.test
      Right header:
        b3: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-c1c1c1c1c1c1c1c1-1"
    `);
  });

  test('a wrong parent names the span it points at', () => {
    const sent = request({ 'x-b3-traceid': TRACE, 'x-b3-spanid': server.spanId, 'x-b3-sampled': '1' });
    expect(failureOf(() => expect(sent).toCarryTraceContext({ format: 'b3multi', spans }))).toMatchInlineSnapshot(`
      "expect(request).toCarryTraceContext(expected)

      Expected: a valid X-B3-TraceId/X-B3-SpanId header, in trace aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, with the CLIENT span that sent it as parent
      Received: parent id 5e5e5e5e5e5e5e5e is the SERVER span "GET /orders", not the CLIENT span that sent the request

      Request: GET http://api.example.test/users
      Headers sent:
        host: api.example.test
        x-b3-sampled: 1
        x-b3-spanid: 5e5e5e5e5e5e5e5e
        x-b3-traceid: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
      Right header:
        x-b3-traceid: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
        x-b3-spanid: c1c1c1c1c1c1c1c1
        x-b3-sampled: 1"
    `);
  });

  test('headers reused from another call point at that call', () => {
    const other = makeSpan({
      parent: server,
      spanId: 'c2c2c2c2c2c2c2c2',
      name: 'GET',
      kind: 'client',
      start: 16,
      end: 18,
      attributes: { 'url.full': 'http://api.example.test/stock' },
    });
    const sent = request({ traceparent: `00-${TRACE}-${other.spanId}-01` });
    expect(failureOf(() => expect(sent).toCarryTraceContext({ spans: [...spans, other] }))).toMatchInlineSnapshot(`
      "expect(request).toCarryTraceContext(expected)

      Expected: a valid traceparent header, in trace aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, with the CLIENT span that sent it as parent
      Received: parent id c2c2c2c2c2c2c2c2 is the CLIENT span of another request ("GET" http://api.example.test/stock), not c1c1c1c1c1c1c1c1 that sent this one

      Request: GET http://api.example.test/users
      Headers sent:
        host: api.example.test
        traceparent: 00-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-c2c2c2c2c2c2c2c2-01
      Right header:
        traceparent: 00-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-c1c1c1c1c1c1c1c1-01"
    `);
  });

  test('.not on a right header', () => {
    const sent = request({ 'uber-trace-id': `${TRACE}:${client.spanId}:0:1` });
    expect(failureOf(() => expect(sent).not.toCarryTraceContext({ format: 'jaeger', spans }))).toMatchInlineSnapshot(`
      "expect(request).not.toCarryTraceContext(expected)

      Expected: not a valid uber-trace-id header, in trace aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, with the CLIENT span that sent it as parent
      Received: uber-trace-id: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:c1c1c1c1c1c1c1c1:0:1

      Request: GET http://api.example.test/users
      Headers sent:
        host: api.example.test
        uber-trace-id: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:c1c1c1c1c1c1c1c1:0:1
      Right header:
        uber-trace-id: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:c1c1c1c1c1c1c1c1:0:1"
    `);
  });
});

test('toCarryBaggage: another value', () => {
  const sent = request({ baggage: 'tenant=globex,region=eu' });
  expect(failureOf(() => expect(sent).toCarryBaggage({ tenant: 'acme' }))).toMatchInlineSnapshot(`
    "expect(request).toCarryBaggage(expected)

    Expected: baggage with {"tenant":"acme"}
    Received: key "tenant" is "globex", expected "acme"

    Request: GET http://api.example.test/users
    Headers sent:
      baggage: tenant=globex,region=eu
      host: api.example.test
    Right header:
      baggage: tenant=acme,region=eu"
  `);
});

test('toHaveSentRequest: no matching request lists what was sent', () => {
  const outbound = [request({ traceparent: `00-${TRACE}-${client.spanId}-01` })];
  expect(
    failureOf(() => expect(outbound).toHaveSentRequest('http://api.example.test/orders', { method: 'POST' })),
  ).toMatchInlineSnapshot(`
    "expect(outbound).toHaveSentRequest(expected)

    Expected: request POST http://api.example.test/orders
    Received: no recorded request matches

    Requests sent:
      GET http://api.example.test/users  [traceparent]"
  `);
});

test('not.toPropagateTo: each leaking request and header', () => {
  const outbound = [
    request(
      { traceparent: `00-${TRACE}-${client.spanId}-01`, baggage: 'tenant=acme' },
      'http://tracker.partner.test/c',
    ),
    request({}, 'http://api.example.test/users'),
  ];
  expect(failureOf(() => expect(outbound).not.toPropagateTo(/partner\.test$/))).toMatchInlineSnapshot(`
    "expect(outbound).not.toPropagateTo(expected)

    Expected: no trace context or baggage sent to /partner\\.test$/
    Received: 1 request to /partner\\.test$/ carried it:
      GET http://tracker.partner.test/c
        baggage: tenant=acme
        traceparent: 00-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-c1c1c1c1c1c1c1c1-01

    Requests sent:
      GET http://tracker.partner.test/c  [baggage, traceparent]
      GET http://api.example.test/users  [no propagation header]"
  `);
});
