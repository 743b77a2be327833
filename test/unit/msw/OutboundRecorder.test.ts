import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { recordOutbound } from 'tracespec/msw';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CALLEE, createServer } from './support/mswServer.ts';
import { handle, send } from './support/service.ts';
import { usePropagator } from './support/tracing.ts';

const server = createServer();
beforeAll(() => {
  usePropagator(new W3CTraceContextPropagator());
  server.listen({ onUnhandledFrame: 'error' });
});
afterAll(() => server.close());

test('records method, URL, host, lower-case headers, parsed context and the current span', async () => {
  using outbound = recordOutbound(server);
  const { traceId, serverSpanId } = await handle('fetch', `${CALLEE}/users?id=1`);
  const [request] = outbound.requests;
  expect(request).toMatchObject({
    method: 'GET',
    url: `${CALLEE}/users?id=1`,
    host: 'api.example.test',
    currentSpan: { traceId, spanId: serverSpanId },
  });
  expect(request?.headers.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
  expect(request?.context.traceparent).toMatchObject({ valid: true, value: { traceId } });
  expect(outbound.last).toBe(request);
});

test('the current span of a node:http request is its CLIENT span', async () => {
  using outbound = recordOutbound(server);
  await handle('http', `${CALLEE}/users`);
  const request = outbound.last;
  expect(request?.currentSpan?.spanId).toBe(
    request?.context.traceparent?.valid && request.context.traceparent.value.parentId,
  );
});

test('has no current span when none was active, clears, and stops after detach', async () => {
  const outbound = recordOutbound(server);
  await send('fetch', `${CALLEE}/a`);
  expect(outbound.last?.currentSpan).toBeUndefined();
  // undici's instrumentation still starts a root CLIENT span and propagates it.
  expect(outbound.last?.context.traceparent?.valid).toBe(true);
  outbound.clear();
  expect(outbound.requests).toEqual([]);
  outbound.detach();
  await send('fetch', `${CALLEE}/b`);
  expect(outbound.requests).toEqual([]);
});
