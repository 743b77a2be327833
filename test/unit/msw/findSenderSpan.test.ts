import { findSenderSpan, type OutboundRequest } from 'tracespec/msw';
import { readCarriedContext } from 'tracespec/propagation';
import { expect, test } from 'vitest';
import { makeSpan } from '../../support/spanBuilder.ts';

const URL_A = 'http://api.example.test/a';
const server = makeSpan({ name: 'GET /orders', kind: 'server' });
const client = (id: string, url: string) =>
  makeSpan({ parent: server, spanId: id, name: 'GET', kind: 'client', attributes: { 'url.full': url } });

const sent = (currentSpanId: string | undefined, url = URL_A): OutboundRequest => ({
  id: '1',
  method: 'GET',
  url,
  host: 'api.example.test',
  headers: {},
  context: readCarriedContext({}),
  ...(currentSpanId ? { currentSpan: { traceId: server.traceId, spanId: currentSpanId } } : {}),
  sentAt: 0,
});

test('the current span itself when it is a CLIENT span (node:http)', () => {
  const a = client('a1a1a1a1a1a1a1a1', URL_A);
  expect(findSenderSpan(sent(a.spanId), [server, a])).toBe(a);
});

test('the CLIENT child of the current span with the request URL (fetch)', () => {
  const a = client('a1a1a1a1a1a1a1a1', URL_A);
  const b = client('b1b1b1b1b1b1b1b1', 'http://api.example.test/b');
  expect(findSenderSpan(sent(server.spanId), [server, a, b])).toBe(a);
  expect(findSenderSpan(sent(server.spanId, 'http://api.example.test/b'), [server, a, b])).toBe(b);
});

test('among two calls to the same URL, the one whose id the request carries', () => {
  const first = client('a1a1a1a1a1a1a1a1', URL_A);
  const retry = client('a2a2a2a2a2a2a2a2', URL_A);
  expect(findSenderSpan(sent(server.spanId), [server, first, retry], retry.spanId)).toBe(retry);
  expect(findSenderSpan(sent(server.spanId), [server, first, retry])).toBeUndefined();
});

test('nothing without a current span or a CLIENT span', () => {
  expect(findSenderSpan(sent(undefined), [server, client('a1a1a1a1a1a1a1a1', URL_A)])).toBeUndefined();
  expect(findSenderSpan(sent(server.spanId), [server])).toBeUndefined();
});
