// The outbound matchers as users write them: tracespec's tracing and test fixture, real propagators and
// instrumentation, msw 3 intercepting. The matchers find the test's trace and CLIENT spans on their own.
import { propagation } from '@opentelemetry/api';
import { installTracing } from 'tracespec';
import { type OutboundRecorder, recordOutbound } from 'tracespec/msw';
import { test } from 'tracespec/vitest';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect } from 'vitest';
import { FORMAT_CASES } from '../support/formats.ts';
import { createInstrumentations } from '../support/instrumentations.ts';
import { CALLEE, createServer, THIRD_PARTY } from '../support/mswServer.ts';
import { handle } from '../support/service.ts';

installTracing({ instrumentations: createInstrumentations() });
const server = createServer();
let outbound: OutboundRecorder;

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  outbound = recordOutbound(server);
});
afterEach(() => outbound.detach());

describe.each(FORMAT_CASES)('$format', ({ format, propagator, malformed }) => {
  beforeEach(() => {
    propagation.disable();
    propagation.setGlobalPropagator(propagator);
  });

  test.for(['fetch', 'http'] as const)(
    'through %s: right, missing, malformed, foreign, wrong parent',
    async (client) => {
      await handle(client, `${CALLEE}/right`);
      await handle(client, `${CALLEE}/missing`, 'missing');
      await handle(client, `${CALLEE}/malformed`, 'malformed', malformed);
      const [right, missing, broken] = outbound.requests;
      expect(right).toCarryTraceContext({ format, sampled: true });
      expect(missing).not.toCarryTraceContext({ format });
      expect(broken).not.toCarryTraceContext({ format });
    },
  );

  test.for(['fetch', 'http'] as const)('through %s: a foreign trace fails', async (client) => {
    await handle(client, `${CALLEE}/foreign`, 'foreign-trace');
    expect(() => expect(outbound.last).toCarryTraceContext({ format })).toThrow(
      /is a foreign trace, not the test's trace/,
    );
  });

  test.for(['fetch', 'http'] as const)('through %s: a wrong parent fails', async (client) => {
    await handle(client, `${CALLEE}/wrong`, 'wrong-parent');
    expect(() => expect(outbound.last).toCarryTraceContext({ format })).toThrow(
      /is the SERVER span "GET \/orders", not the CLIENT span that sent the request/,
    );
  });

  test.for(['missing', 'malformed', 'foreign-trace', 'wrong-parent'] as const)(
    'toHaveSentRequest with carrying fails on a %s header',
    async (bug) => {
      await handle('fetch', `${CALLEE}/orders`, bug, malformed);
      expect(outbound).toHaveSentRequest(`${CALLEE}/orders`);
      expect(() => expect(outbound).toHaveSentRequest(`${CALLEE}/orders`, { carrying: { format } })).toThrow(
        /Received: a matching request without the right trace context/,
      );
    },
  );

  test('a malformed header to a third party is still a leak', async () => {
    await handle('http', `${THIRD_PARTY}/collect`, 'malformed', malformed);
    expect(outbound).toPropagateTo('tracker.partner.test', { only: 'trace-context' });
  });

  test('proves in one line what each callee got, and that third parties got nothing', async () => {
    await handle('fetch', `${CALLEE}/orders`);
    await handle('http', `${THIRD_PARTY}/collect`, 'missing');
    expect(outbound).toHaveSentRequest(`${CALLEE}/orders`, { method: 'GET', carrying: { format } });
    expect(outbound).not.toPropagateTo(/partner\.test$/);
  });
});

test('toCarryBaggage passes on the entries the W3C propagator sent', async () => {
  propagation.disable();
  propagation.setGlobalPropagator(FORMAT_CASES[0]?.propagator as never);
  await handle('fetch', `${CALLEE}/users`, 'none', {}, { tenant: 'acme' });
  expect(outbound.last).toCarryBaggage({ tenant: 'acme' });
  expect(outbound.last).not.toCarryBaggage({ tenant: 'globex' });
});

test('a leak to a third party fails .not.toPropagateTo', async () => {
  propagation.disable();
  propagation.setGlobalPropagator(FORMAT_CASES[0]?.propagator as never);
  await handle('fetch', `${THIRD_PARTY}/collect`);
  expect(() => expect(outbound).not.toPropagateTo(/partner\.test$/)).toThrow(
    /1 request to \/partner\\.test\$\/ carried it/,
  );
});

describe('concurrent tests sharing one recorder', () => {
  const shared = recordOutbound(server);
  afterAll(() => shared.detach());
  beforeAll(() => {
    propagation.disable();
    propagation.setGlobalPropagator(FORMAT_CASES[0]?.propagator as never);
  });

  test.concurrent.for([1, 2, 3, 4])('test %i sees only its own requests', async (n) => {
    await handle(n % 2 === 0 ? 'fetch' : 'http', `${CALLEE}/concurrent/${n}`);
    expect(shared).toHaveSentRequest(`${CALLEE}/concurrent/${n}`, { times: 1, carrying: {} });
    expect(shared).not.toHaveSentRequest(/\/concurrent\/\d$/, { times: 4 });
    expect(shared).toHaveSentRequest(/\/concurrent\/\d$/, { times: 1 });
  });
});
