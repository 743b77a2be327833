import {
  criticalPath,
  hasCriticalPath,
  hasSpansWithinParents,
  isParallel,
  isSequential,
  isWithinParent,
  type TraceSet,
} from 'tracespec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSpans } from '../../../src/check/expectation/resolveSpans.ts';
import { type CallMode, startCheckoutScenario } from '../../support/checkoutScenario.ts';

// A handler makes three real HTTP calls over 127.0.0.1, first one by one, then (fixed) all at once. The
// sequence and parallel checks must tell the two apart on the real spans.
let scenario: Awaited<ReturnType<typeof startCheckoutScenario>>;
beforeAll(async () => {
  scenario = await startCheckoutScenario();
});
afterAll(async () => {
  await scenario?.close();
});

const clientCalls = (set: TraceSet) => resolveSpans(set, { kind: 'client', service: 'checkout' });

describe.each(['sequential', 'parallel'] as const)('a handler making three downstream calls (%s)', (mode: CallMode) => {
  it('records one trace: the handler, three client calls and three server spans', async () => {
    const set = await scenario.checkout(mode);
    const trace = set.only();
    expect(trace.size).toBe(7);
    expect(clientCalls(set).map((span) => span.name)).toEqual(
      expect.arrayContaining(['GET /stock', 'GET /price', 'GET /shipping']),
    );
  });

  it('is told apart by the sequence and parallel checks', async () => {
    const set = await scenario.checkout(mode);
    const calls = clientCalls(set);
    expect(calls).toHaveLength(3);
    const sequence = isSequential(calls, {}, set);
    const parallel = isParallel(calls, {}, set);
    expect({ sequence: sequence.pass, parallel: parallel.pass }).toEqual(
      mode === 'sequential' ? { sequence: true, parallel: false } : { sequence: false, parallel: true },
    );
    // The failing one explains itself with the timeline.
    const failing = mode === 'sequential' ? parallel : sequence;
    expect(failing.message()).toContain(mode === 'sequential' ? 'not shown to run at the same time' : 'before #1 ends');
    expect(failing.message()).toContain('POST /checkout');
  });

  it('has a critical path through every call when sequential, through one call when parallel', async () => {
    const set = await scenario.checkout(mode);
    const trace = set.only();
    // 1ms: the SDK rounds span starts down to the millisecond, so back-to-back calls may seem to overlap.
    const onPath = criticalPath(trace, { tolerance: '1ms' }).spans.filter((span) => span.kind === 'client');
    expect(onPath).toHaveLength(mode === 'sequential' ? 3 : 1);
    const allThree = [{ name: 'GET /stock' }, { name: 'GET /price' }, { name: 'GET /shipping' }];
    expect(hasCriticalPath(trace, allThree, { exact: false }).pass).toBe(mode === 'sequential');
    expect(criticalPath(trace).durationNano).toBeLessThanOrEqual(trace.durationNano);
  });

  it('keeps every span within its parent (server spans of the other service included)', async () => {
    const set = await scenario.checkout(mode);
    expect(hasSpansWithinParents(set).pass).toBe(true);
    for (const server of resolveSpans(set, { service: 'inventory' })) {
      expect(isWithinParent(server, {}, set.traceOf(server)).pass).toBe(true);
    }
  });
});
