import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { hasBaggage, type OutboundRecorder, recordOutbound } from 'tracespec/msw';
import { JaegerPropagator } from 'tracespec/propagation';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { CALLEE, createServer } from './support/mswServer.ts';
import { type Client, handle } from './support/service.ts';
import { usePropagator } from './support/tracing.ts';

const server = createServer();
let outbound: OutboundRecorder;

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  outbound = recordOutbound(server);
});
afterEach(() => outbound.detach());

const only = () => {
  expect(outbound.requests).toHaveLength(1);
  return outbound.requests[0];
};

describe.each([
  {
    format: 'w3c' as const,
    propagator: new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
    malformed: { baggage: 'tenant=%E2' } as Record<string, string>,
    reason: 'baggage is malformed: value of key "tenant" has invalid percent-encoding ("%E2")',
  },
  {
    format: 'jaeger' as const,
    propagator: new JaegerPropagator(),
    malformed: { 'uberctx-tenant': '%E2' } as Record<string, string>,
    reason: 'uberctx-* is malformed: value of "uberctx-tenant" has invalid percent-encoding ("%E2")',
  },
])('$format baggage', ({ format, propagator, malformed, reason }) => {
  beforeEach(() => usePropagator(propagator));

  describe.each(['fetch', 'http'] as const)('through %s', (client: Client) => {
    test('passes when the entries are there, by value or pattern', async () => {
      await handle(client, `${CALLEE}/users`, 'none', {}, { tenant: 'acme corp', 'user.id': '42' });
      expect(hasBaggage(only(), { tenant: 'acme corp', 'user.id': /^\d+$/ }, { format }).pass).toBe(true);
    });

    test('compares values whole: a prefix, or a longer value, is another value', async () => {
      await handle(client, `${CALLEE}/users`, 'none', {}, { tenant: 'acme corp' });
      const prefix = hasBaggage(only(), { tenant: 'acme' }, { format });
      expect(prefix.pass).toBe(false);
      expect(prefix.message()).toContain('Received: key "tenant" is "acme corp", expected "acme"');
      expect(hasBaggage(only(), { tenant: 'acme corporation' }, { format }).pass).toBe(false);
      expect(hasBaggage(only(), { tenant: 'corp' }, { format }).pass).toBe(false);
    });

    test('fails on a missing header', async () => {
      await handle(client, `${CALLEE}/users`, 'missing', {}, { tenant: 'acme' });
      const result = hasBaggage(only(), { tenant: 'acme' }, { format });
      expect(result.pass).toBe(false);
      expect(result.message()).toContain(`Received: no ${format === 'w3c' ? 'baggage' : 'uberctx-*'} header`);
    });

    test('fails on a malformed header', async () => {
      await handle(client, `${CALLEE}/users`, 'malformed', malformed);
      const result = hasBaggage(only(), { tenant: 'acme' }, { format });
      expect(result.pass).toBe(false);
      expect(result.message()).toContain(`Received: ${reason}`);
    });

    test('fails on a missing key and on another value, showing the right header', async () => {
      await handle(client, `${CALLEE}/users`, 'none', {}, { tenant: 'globex' });
      const missing = hasBaggage(only(), { region: 'eu', constructor: 'x' }, { format });
      expect(missing.message()).toContain('Received: key "region" is missing');
      expect(hasBaggage(only(), { constructor: 'x' }, { format }).message()).toContain(
        'Received: key "constructor" is missing',
      );
      const other = hasBaggage(only(), { tenant: 'acme corp' }, { format });
      expect(other.pass).toBe(false);
      expect(other.message()).toContain('Received: key "tenant" is "globex", expected "acme corp"');
      expect(other.message()).toContain(
        format === 'w3c' ? 'baggage: tenant=acme%20corp' : 'uberctx-tenant: acme%20corp',
      );
    });

    test('the right header keeps a value that matches its pattern and shows the pattern for one that does not', async () => {
      await handle(client, `${CALLEE}/users`, 'none', {}, { tenant: 'globex', 'user.id': '42', plan: 'free' });
      const result = hasBaggage(only(), { tenant: 'acme', 'user.id': /^\d+$/, plan: /^paid-/ }, { format });
      expect(result.pass).toBe(false);
      const right = result.message().split('Right header:')[1] ?? '';
      expect(right).toContain(format === 'w3c' ? 'user.id=42' : 'uberctx-user.id: 42');
      expect(right).toContain(format === 'w3c' ? 'tenant=acme' : 'uberctx-tenant: acme');
      expect(right).toContain('<matching /^paid-/>');
      expect(right).not.toContain('<matching /^\\d+$/>');
      // A value that holds the text tracespec uses in place of a pattern is shown as it is.
      await handle(client, `${CALLEE}/users`, 'none', {}, { note: 'tracespecPattern0x' });
      const [, second] = outbound.requests;
      const shown =
        hasBaggage(second, { plan: /^paid-/ }, { format })
          .message()
          .split('Right header:')[1] ?? '';
      expect(shown).toContain(format === 'w3c' ? 'note=tracespecPattern0x' : 'uberctx-note: tracespecPattern0x');
      expect(shown).toContain('<matching /^paid-/>');
    });
  });
});

test('refuses entries that are not an object', async () => {
  usePropagator(new W3CTraceContextPropagator());
  await handle('fetch', `${CALLEE}/users`);
  expect(() => hasBaggage(only(), 'tenant=acme' as never)).toThrow(
    '[tracespec] toCarryBaggage expects the entries to find, e.g. { tenant: "acme" }',
  );
});
