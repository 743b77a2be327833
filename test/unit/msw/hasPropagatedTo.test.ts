import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { hasPropagatedTo, type OutboundRecorder, recordOutbound } from 'tracespec/msw';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { CALLEE, createServer, THIRD_PARTY } from './support/mswServer.ts';
import { handle } from './support/service.ts';
import { usePropagator } from './support/tracing.ts';

const server = createServer();
let outbound: OutboundRecorder;

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  usePropagator(
    new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
  );
  outbound = recordOutbound(server);
});
afterEach(() => outbound.detach());

test('passes (so .not fails) when a third-party host got trace context or baggage', async () => {
  await handle('fetch', `${THIRD_PARTY}/collect`, 'none', {}, { tenant: 'acme' });
  const result = hasPropagatedTo(outbound, /partner\.test$/);
  expect(result.pass).toBe(true);
  expect(result.message()).toContain('Expected: no trace context or baggage sent to /partner\\.test$/');
  expect(result.message()).toContain('Received: 1 request to /partner\\.test$/ carried it:');
  expect(result.message()).toMatch(/^ {4}traceparent: 00-[0-9a-f]{32}-[0-9a-f]{16}-01$/m);
  expect(result.message()).toContain('    baggage: tenant=acme');
});

test('fails (so .not passes) when the third-party request went out untraced', async () => {
  await handle('http', `${CALLEE}/users`);
  await handle('http', `${THIRD_PARTY}/collect`, 'missing');
  const result = hasPropagatedTo(outbound, 'tracker.partner.test');
  expect(result.pass).toBe(false);
  expect(result.message()).toContain('Received: 1 request to tracker.partner.test, none carried it');
  expect(result.message()).toContain(`  GET ${CALLEE}/users  [traceparent]`);
});

test('can look at baggage only, or trace context only', async () => {
  await handle('fetch', `${THIRD_PARTY}/collect`);
  expect(hasPropagatedTo(outbound, /partner/, { only: 'baggage' }).pass).toBe(false);
  expect(hasPropagatedTo(outbound, /partner/, { only: 'trace-context' }).pass).toBe(true);
});

test('refuses a host that is neither a string nor a pattern', () => {
  expect(() => hasPropagatedTo(outbound, 42 as never)).toThrow(
    '[tracespec] toPropagateTo expects a host ("api.partner.com") or a pattern (/partner\\.com$/)',
  );
});
