// A span check on a test's traces that finds nothing says when matching spans arrived in a split-off trace no
// test claimed: what a lost trace context looks like from the test ("no matching span" alone sends the user
// looking for an export that never failed).
import { SpanStore } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { TestTraces } from '../../../src/capture/TestTraces.ts';
import { failureOf } from '../../support/failure.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

const MINE = '1'.repeat(32);
const SPLIT = '2'.repeat(32);
const OTHER_TEST = '3'.repeat(32);

const EARLIER = '4'.repeat(32);

/**
 * The test's trace reaches orders; inventory's server span went on in a trace of its own, at the same time. With
 * `earlierStray`, a split-off trace of inventory from just before is still in the time window too.
 */
function lostAtInventory(earlierStray = false): TestTraces {
  const store = new SpanStore();
  const gateway = makeSpan({
    traceId: MINE,
    spanId: 'a'.repeat(16),
    name: 'GET /checkout',
    kind: 'server',
    service: 'gateway',
    start: 0,
    end: 50,
  });
  const call = makeSpan({
    parent: gateway,
    spanId: 'b'.repeat(16),
    name: 'GET',
    kind: 'client',
    service: 'orders',
    start: 5,
    end: 40,
  });
  const inventory = makeSpan({
    traceId: SPLIT,
    spanId: 'c'.repeat(16),
    name: 'GET /stock',
    kind: 'server',
    service: 'inventory',
    start: 10,
    end: 30,
  });
  const otherTests = makeSpan({
    traceId: OTHER_TEST,
    spanId: 'd'.repeat(16),
    name: 'GET /stock',
    kind: 'server',
    service: 'inventory',
    start: 12,
    end: 20,
  });
  store.add(gateway, call, inventory, otherTests);
  if (earlierStray) {
    store.add(
      makeSpan({
        traceId: EARLIER,
        spanId: 'e'.repeat(16),
        name: 'GET /bare',
        kind: 'server',
        service: 'inventory',
        start: -20,
        end: -10,
      }),
    );
  }
  store.claim(MINE, 'mine');
  store.claim(OTHER_TEST, 'another test');
  return new TestTraces(store, 'mine');
}

const NOTE = 'A matching span arrived in a split-off trace that no test claimed (traces().strays()):';

describe('toHaveSpan on a test’s traces', () => {
  test('names the matching span of the split-off trace, and where to look next', () => {
    const message = failureOf(() => expect(lostAtInventory()).toHaveSpan({ service: 'inventory', kind: 'server' }));
    expect(message).toContain('Received: no matching span among 2 spans in 1 trace');
    expect(message).toContain(
      [
        NOTE,
        `  inventory server "GET /stock" 20ms in trace ${SPLIT}`,
        "If it is this test's, the trace context was lost on the way to it: expect(traces()).toBeConnected() names the hop and the cause.",
      ].join('\n'),
    );
    // Another test's span is not offered: that trace is claimed.
    expect(message).not.toContain(OTHER_TEST);
  });

  test('several matches in several split-off traces are counted as such', () => {
    const message = failureOf(() => expect(lostAtInventory(true)).toHaveSpan({ service: 'inventory', kind: 'server' }));
    expect(message).toContain(
      '2 matching spans arrived in 2 split-off traces that no test claimed (traces().strays()):',
    );
    expect(message).toContain("If one is this test's, the trace context was lost on the way to it");
  });

  test('works with a selector too', () => {
    expect(failureOf(() => expect(lostAtInventory()).toHaveSpan('[service=inventory]'))).toContain(NOTE);
  });

  test('says nothing more when no split-off span matches, or when the test’s own traces hold a match', () => {
    expect(failureOf(() => expect(lostAtInventory()).toHaveSpan({ service: 'payments' }))).not.toContain('split-off');
    // One match of the test's own, two wanted: a count problem, not a lost context.
    expect(failureOf(() => expect(lostAtInventory()).toHaveSpan({ service: 'gateway' }, { times: 2 }))).not.toContain(
      'split-off',
    );
  });

  test('a failed .not is about the test’s own match and says nothing of strays', () => {
    expect(failureOf(() => expect(lostAtInventory()).not.toHaveSpan({ service: 'gateway' }))).not.toContain(
      'split-off',
    );
  });

  test('a plain TraceSet has no strays: the message is the one it always was', () => {
    const set = lostAtInventory().traceSet();
    expect(failureOf(() => expect(set).toHaveSpan({ service: 'inventory' }))).not.toContain('split-off');
  });
});

describe('toEventuallyHaveSpan on a test’s traces', () => {
  test('on timeout, the last failure names the matching span of the split-off trace', async () => {
    const error = await expect(lostAtInventory())
      .toEventuallyHaveSpan({ service: 'inventory', kind: 'server' }, { timeout: 50 })
      .then(
        () => undefined,
        (caught: unknown) => caught as Error,
      );
    const message = failureOf(() => {
      throw error;
    });
    expect(message).toContain('No matching span within 50ms');
    expect(message).toContain(`${NOTE}\n  inventory server "GET /stock" 20ms in trace ${SPLIT}`);
  });
});
