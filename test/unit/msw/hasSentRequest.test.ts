import { B3InjectEncoding, B3Propagator } from '@opentelemetry/propagator-b3';
import { hasSentRequest, type OutboundRecorder, recordOutbound } from 'tracespec/msw';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { CALLEE, createServer } from './support/mswServer.ts';
import { handle, send } from './support/service.ts';
import { recordedSpans, resetSpans, usePropagator } from './support/tracing.ts';

const server = createServer();
let outbound: OutboundRecorder;

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  resetSpans();
  usePropagator(new B3Propagator({ injectEncoding: B3InjectEncoding.SINGLE_HEADER }));
  outbound = recordOutbound(server);
});
afterEach(() => outbound.detach());

test('finds a request by exact URL (a query may follow), pattern or predicate', async () => {
  await send('fetch', `${CALLEE}/users?page=2`);
  expect(hasSentRequest(outbound, `${CALLEE}/users`).pass).toBe(true);
  expect(hasSentRequest(outbound, /\/users\?page=\d$/).pass).toBe(true);
  expect(hasSentRequest(outbound, (request) => request.host === 'api.example.test').pass).toBe(true);
  expect(hasSentRequest(outbound, `${CALLEE}/user`).pass).toBe(false);
});

test('filters by method and headers and counts', async () => {
  await send('http', `${CALLEE}/users`, { 'x-api-key': 'k1' });
  await send('fetch', `${CALLEE}/users`);
  expect(hasSentRequest(outbound, `${CALLEE}/users`, { times: 2 }).pass).toBe(true);
  expect(
    hasSentRequest(outbound, `${CALLEE}/users`, { method: 'get', headers: { 'X-Api-Key': /^k\d$/ }, times: 1 }).pass,
  ).toBe(true);
  const result = hasSentRequest(outbound, `${CALLEE}/users`, { method: 'POST' });
  expect(result.pass).toBe(false);
  expect(result.message()).toContain('Received: no recorded request matches');
  expect(result.message()).toContain(`  GET ${CALLEE}/users  [b3]`);
  expect(hasSentRequest(outbound, `${CALLEE}/users`, { times: 1 }).message()).toContain(
    'Received: 2 matching requests, expected 1',
  );
  // The expectation reads as the user would say it: "1 time", "3 times".
  expect(hasSentRequest(outbound, `${CALLEE}/users`, { times: 1 }).message()).toContain(`${CALLEE}/users, 1 time\n`);
  expect(hasSentRequest(outbound, `${CALLEE}/users`, { times: 3 }).message()).toContain(`${CALLEE}/users, 3 times\n`);
});

test('proves in one line that a callee got the right context in the right format', async () => {
  const { traceId } = await handle('fetch', `${CALLEE}/orders`);
  const spans = recordedSpans();
  expect(hasSentRequest(outbound, `${CALLEE}/orders`, { carrying: { format: 'b3', traceId, spans } }).pass).toBe(true);
  const wrongFormat = hasSentRequest(outbound, `${CALLEE}/orders`, { carrying: { format: 'w3c', traceId, spans } });
  expect(wrongFormat.pass).toBe(false);
  expect(wrongFormat.message()).toContain('Received: a matching request without the right trace context');
  expect(wrongFormat.message()).toContain('Received: no traceparent header');
});

test('refuses a subject that is not the recorder', () => {
  expect(() => hasSentRequest({}, CALLEE)).toThrow(
    '[tracespec] toHaveSentRequest expects the recorder returned by recordOutbound(server) or its requests, got Object',
  );
});
