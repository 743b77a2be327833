import { context, propagation, ROOT_CONTEXT } from '@opentelemetry/api';
import { hasTraceContext, type OutboundRecorder, recordOutbound } from 'tracespec/msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { FORMAT_CASES } from './support/formats.ts';
import { CALLEE, createServer } from './support/mswServer.ts';
import { type Client, handle } from './support/service.ts';
import { recordedSpans, resetSpans, usePropagator } from './support/tracing.ts';

const server = createServer();
let outbound: OutboundRecorder;

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  resetSpans();
  outbound = recordOutbound(server);
});
afterEach(() => outbound.detach());

const only = () => {
  expect(outbound.requests).toHaveLength(1);
  return outbound.requests[0];
};

describe.each(FORMAT_CASES)('$format', ({ format, propagator, malformed, reason }) => {
  beforeEach(() => usePropagator(propagator));

  describe.each(['fetch', 'http'] as const)('through %s', (client: Client) => {
    test('passes on the header the instrumentation injects, parent = the CLIENT span', async () => {
      const { traceId } = await handle(client, `${CALLEE}/users`);
      const spans = recordedSpans();
      const result = hasTraceContext(only(), { format, sampled: true, spans });
      expect(hasTraceContext(only(), { format, traceId, spans }).pass).toBe(true);
      expect(result.message()).toContain(`Expected: not a valid`);
      expect(result.pass).toBe(true);
      const clients = spans.filter((span) => span.kind === 'client');
      expect(clients).toHaveLength(1);
      expect(result.expected).toContain(clients[0]?.spanId);
    });

    test('fails on a missing header', async () => {
      const { traceId } = await handle(client, `${CALLEE}/users`, 'missing');
      const result = hasTraceContext(only(), { format, traceId, spans: recordedSpans() });
      expect(result.pass).toBe(false);
      expect(result.message()).toMatch(
        /^Received: no (traceparent|b3|X-B3-TraceId\/X-B3-SpanId|uber-trace-id) header$/m,
      );
      expect(result.message()).toContain(traceId);
    });

    test('fails on a malformed header, with the exact reason', async () => {
      const { traceId } = await handle(client, `${CALLEE}/users`, 'malformed', malformed);
      const result = hasTraceContext(only(), { format, traceId, spans: recordedSpans() });
      expect(result.pass).toBe(false);
      expect(result.message()).toContain(`Received: ${reason}`);
    });

    test('fails on a header in a foreign trace (the test trace found from the spans)', async () => {
      const { traceId } = await handle(client, `${CALLEE}/users`, 'foreign-trace');
      const result = hasTraceContext(only(), { format, spans: recordedSpans() });
      expect(result.pass).toBe(false);
      expect(result.message()).toMatch(
        new RegExp(`^Received: trace id [0-9a-f]{32} is a foreign trace, not the test's trace ${traceId}$`, 'm'),
      );
    });

    test('fails on a header whose parent is the SERVER span instead of a CLIENT span', async () => {
      const { traceId, serverSpanId } = await handle(client, `${CALLEE}/users`, 'wrong-parent');
      const result = hasTraceContext(only(), { format, traceId, spans: recordedSpans() });
      expect(result.pass).toBe(false);
      expect(result.message()).toContain(
        `Received: parent id ${serverSpanId} is the SERVER span "GET /orders", not the CLIENT span that sent the request`,
      );
      expect(result.message()).toContain('no CLIENT span was recorded for this request');
    });
  });

  test('fails when the sampling flag differs', async () => {
    const { traceId } = await handle('fetch', `${CALLEE}/users`);
    const result = hasTraceContext(only(), { format, traceId, sampled: false, spans: recordedSpans() });
    expect(result.pass).toBe(false);
    expect(result.message()).toContain('Received: sampled, expected not sampled');
  });
});

describe('defaults and options', () => {
  beforeEach(() => usePropagator(FORMAT_CASES[0]?.propagator as never));

  test('the test trace defaults to the trace current when the request left', async () => {
    await handle('fetch', `${CALLEE}/users`);
    expect(hasTraceContext(only()).pass).toBe(true);
  });

  test('a header of another format does not count', async () => {
    await handle('fetch', `${CALLEE}/users`);
    const result = hasTraceContext(only(), { format: 'b3' });
    expect(result.pass).toBe(false);
    expect(result.message()).toContain('Received: no b3 header');
  });

  test('an exact parent id can be required', async () => {
    await handle('fetch', `${CALLEE}/users`);
    const result = hasTraceContext(only(), { parentSpanId: '1111111111111111' });
    expect(result.message()).toMatch(/^Received: parent id [0-9a-f]{16} is not the expected 1111111111111111$/m);
  });

  test('tracestate is checked exactly or by members', async () => {
    const incoming = propagation.extract(ROOT_CONTEXT, {
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      tracestate: 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE',
    });
    await context.with(incoming, () => handle('fetch', `${CALLEE}/users`));
    const spans = recordedSpans();
    expect(hasTraceContext(only(), { tracestate: 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE', spans }).pass).toBe(true);
    expect(hasTraceContext(only(), { tracestate: { congo: 't61rcWkgMzE' }, spans }).pass).toBe(true);
    expect(hasTraceContext(only(), { tracestate: { congo: 'x' }, spans }).message()).toContain(
      'Received: tracestate member "congo" is "t61rcWkgMzE", expected "x"',
    );
    expect(hasTraceContext(only(), { tracestate: 'rojo=1', spans }).message()).toContain(
      'Received: tracestate is "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE", expected "rojo=1"',
    );
  });

  test('a missing tracestate fails when one is expected', async () => {
    await handle('fetch', `${CALLEE}/users`);
    const result = hasTraceContext(only(), { tracestate: { vendor: '1' } });
    expect(result.pass).toBe(false);
    expect(result.message()).toContain('Received: no tracestate header');
  });

  test('refuses a request that is not one, and options that do not fit', () => {
    expect(() => hasTraceContext(undefined)).toThrow(
      '[tracespec] toCarryTraceContext expects one recorded request (for example outbound.last or outbound.requests[0]), got undefined',
    );
    const request = {
      id: '1',
      method: 'GET',
      url: CALLEE,
      host: 'api.example.test',
      headers: {},
      context: {},
      sentAt: 0,
    };
    expect(() => hasTraceContext(request, { format: 'zipkin' as never })).toThrow(
      '[tracespec] toCarryTraceContext: format must be one of w3c, b3, b3multi, jaeger, got zipkin',
    );
    expect(() => hasTraceContext(request, { format: 'b3', tracestate: 'a=1' })).toThrow(
      "[tracespec] toCarryTraceContext: tracestate is a W3C header; drop it or use format 'w3c', not 'b3'",
    );
  });
});
