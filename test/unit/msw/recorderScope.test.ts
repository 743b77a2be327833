import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { type OutboundRecorder, recordOutbound } from 'tracespec/msw';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CALLEE, createServer } from './support/mswServer.ts';
import { send } from './support/service.ts';
import { usePropagator } from './support/tracing.ts';

const server = createServer();
beforeAll(() => {
  usePropagator(new W3CTraceContextPropagator());
  server.listen({ onUnhandledFrame: 'error' });
});
afterAll(() => server.close());

test('a recorder declared with `using` stops recording when its block ends, and keeps what it recorded', async () => {
  let kept: OutboundRecorder | undefined;
  {
    using outbound = recordOutbound(server);
    kept = outbound;
    await send('fetch', `${CALLEE}/inside`);
  }
  await send('fetch', `${CALLEE}/after`);
  expect(kept.requests.map((request) => request.url)).toEqual([`${CALLEE}/inside`]);
});

test('detaching twice is harmless, and another recorder on the same server still records', async () => {
  const first = recordOutbound(server);
  const second = recordOutbound(server);
  first.detach();
  first.detach();
  await send('fetch', `${CALLEE}/still`);
  expect(first.requests).toEqual([]);
  expect(second.requests.map((request) => request.url)).toEqual([`${CALLEE}/still`]);
  second.detach();
});
