// The diagnosis of lost context on hand-built evidence: one case per cause, with and without the tap's record, and
// the rules that keep a split-off trace from being claimed when another test may own it. (The same causes against
// real services: test/integration/propagation/propagationMatrix.test.ts.)
import { diagnoseLostContext, type Span, TraceSet, type WireRecord } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { makeSpan } from '../../../support/spanBuilder.ts';

const MAIN = '1'.repeat(32);
const SPLIT = '2'.repeat(32);
const OTHER = '3'.repeat(32);
const BASE = 1_700_000_000_000_000_000n;
const at = (ms: number) => BASE + BigInt(ms * 1e6);

/** gateway -> orders, whose call to inventory is `call` (from 10 to 40 ms). */
function system(traceId = MAIN) {
  const gateway = makeSpan({ traceId, name: 'GET /checkout', kind: 'server', service: 'gateway', start: 0, end: 50 });
  const orders = makeSpan({
    parent: gateway,
    name: 'GET /orders',
    kind: 'server',
    service: 'orders',
    start: 2,
    end: 48,
  });
  const call = makeSpan({
    parent: orders,
    name: 'GET',
    kind: 'client',
    service: 'orders',
    start: 10,
    end: 40,
    attributes: { 'url.full': 'http://127.0.0.1:4001/stock/book' },
  });
  return { gateway, orders, call };
}

function inventoryServer(input: { traceId?: string; parent?: string }): Span {
  return makeSpan({
    traceId: input.traceId ?? SPLIT,
    ...(input.parent ? { parent: input.parent } : {}),
    name: 'GET /stock/:item',
    kind: 'server',
    service: 'inventory',
    start: 12,
    end: 38,
    attributes: { 'url.path': '/stock/book' },
  });
}

function record(headers: Record<string, string>, extra: Partial<WireRecord> = {}): WireRecord {
  return {
    id: 1,
    from: 'orders',
    to: 'inventory',
    protocol: 'http/1.1',
    method: 'GET',
    path: '/stock/book',
    status: 200,
    startUnixNano: at(11),
    endUnixNano: at(39),
    headers,
    ...extra,
  };
}

const traceparent = (traceId: string, parent: string) => ({ traceparent: `00-${traceId}-${parent}-01` });

function diagnose(spans: Span[], wire: WireRecord[] = [], extra: { others?: Span[]; concurrent?: boolean } = {}) {
  const all = TraceSet.fromSpans(spans);
  const own = new TraceSet(all.traces.filter((trace) => trace.traceId === MAIN));
  const strays = new TraceSet(all.traces.filter((trace) => trace.traceId !== MAIN));
  const others = TraceSet.fromSpans(extra.others ?? []);
  return diagnoseLostContext({
    traces: own,
    strays,
    others,
    wire,
    ...(extra.concurrent === undefined ? {} : { concurrentTests: extra.concurrent }),
  }).hops;
}

describe('with the tap’s record of the call', () => {
  test('no header at all: the caller sent no context', () => {
    const { gateway, orders, call } = system();
    const [hop, ...rest] = diagnose([gateway, orders, call, inventoryServer({})], [record({})]);
    expect(rest).toEqual([]);
    expect(hop).toMatchObject({ from: 'orders', to: 'inventory', cause: 'caller-sent-none', certainty: 'wire' });
    expect(hop?.caller).toBe(call);
    expect(hop?.description).toBe(
      `orders -> inventory: orders sent no trace context on GET /stock/book (answered 200): the tap between them saw no traceparent, b3, X-B3-* or uber-trace-id header; inventory's server span "GET /stock/:item" started a new trace (${SPLIT})`,
    );
  });

  test('only a header that does not parse', () => {
    const { gateway, orders, call } = system();
    const [hop] = diagnose([gateway, orders, call, inventoryServer({})], [record({ traceparent: '00-xyz-01' })]);
    expect(hop?.cause).toBe('caller-sent-invalid');
    expect(hop?.description).toContain('orders sent only trace context that does not parse on GET /stock/book');
  });

  test('the context of another trace', () => {
    const { gateway, orders, call } = system();
    const callee = inventoryServer({ traceId: OTHER, parent: call.spanId });
    const [hop] = diagnose([gateway, orders, call, callee], [record(traceparent(OTHER, call.spanId))]);
    expect(hop).toMatchObject({ cause: 'caller-sent-other-trace', certainty: 'wire' });
    expect(hop?.description).toContain(
      `orders sent the context of another trace on GET /stock/book (answered 200): W3C traceparent trace ${OTHER}, but its client span "GET" is in trace ${MAIN}`,
    );
  });

  test('a parent id that is not its client span', () => {
    const { gateway, orders, call } = system();
    const callee = inventoryServer({ traceId: MAIN, parent: 'feedfeedfeedfeed' });
    const [hop] = diagnose([gateway, orders, call, callee], [record(traceparent(MAIN, 'feedfeedfeedfeed'))]);
    expect(hop).toMatchObject({ cause: 'caller-sent-wrong-parent', certainty: 'wire', span: callee });
    expect(hop?.description).toContain(
      `orders sent trace ${MAIN} with parent id feedfeedfeedfeed on GET /stock/book (answered 200), which is not its client span "GET" (${call.spanId})`,
    );
  });

  test('a format the callee does not read, as its configuration says, or inferred from the default', () => {
    const { gateway, orders, call } = system();
    const b3 = { b3: `${MAIN}-${call.spanId}-1` };
    const spans = [gateway, orders, call, inventoryServer({})];
    const [known] = diagnose(spans, [record(b3, { calleeReads: ['w3c'] })]);
    expect(known).toMatchObject({ cause: 'format-not-read', certainty: 'wire' });
    expect(known?.description).toContain(
      'orders sent the context only as B3 single (b3) on GET /stock/book (answered 200); inventory reads W3C traceparent (its OTEL_PROPAGATORS)',
    );
    const [unknown] = diagnose(spans, [record(b3)]);
    expect(unknown).toMatchObject({ cause: 'format-not-read', certainty: 'inferred' });
    expect(unknown?.description).toContain("inferred: inventory reads only W3C traceparent (OpenTelemetry's default");
  });

  test('a valid context the callee ignored: certain when its propagators are known, inferred otherwise', () => {
    const { gateway, orders, call } = system();
    const spans = [gateway, orders, call, inventoryServer({})];
    const [unknown] = diagnose(spans, [record(traceparent(MAIN, call.spanId))]);
    expect(unknown).toMatchObject({ cause: 'callee-ignored-context', certainty: 'inferred' });
    expect(unknown?.description).toContain(
      "Inferred, tracespec does not know inventory's propagators: inventory ignored it, or it does not read W3C traceparent",
    );
    const [hop] = diagnose(spans, [record(traceparent(MAIN, call.spanId), { calleeReads: ['w3c'] })]);
    expect(hop).toMatchObject({ cause: 'callee-ignored-context', certainty: 'wire' });
    expect(hop?.description).toContain(
      `inventory received a valid context on GET /stock/book (answered 200) (W3C traceparent: trace ${MAIN}, parent ${call.spanId} = orders' client span "GET") and did not continue it`,
    );
  });

  test('beside a concurrent test, a split-off trace whose request carried this test’s context is still this test’s', () => {
    // The only request into inventory then carried this test's trace: nothing ties the split-off trace to the other
    // test, so the diagnosis stays certain and does not say it may be the other test's.
    const { gateway, orders, call } = system();
    const spans = [gateway, orders, call, inventoryServer({})];
    const [hop, ...rest] = diagnose(spans, [record(traceparent(MAIN, call.spanId), { calleeReads: ['w3c'] })], {
      concurrent: true,
    });
    expect(rest).toEqual([]);
    expect(hop).toMatchObject({ cause: 'callee-ignored-context', certainty: 'wire' });
    expect(hop?.description).not.toContain('concurrent test');
  });

  test('a caller with no client span (its HTTP client not instrumented): the tap’s record alone tells what was sent', () => {
    const { gateway, orders } = system();
    // orders' handler sent its own server span's context, but recorded no client span for the call.
    const sent = record(traceparent(MAIN, orders.spanId), { calleeReads: ['w3c'] });
    const [hop, ...rest] = diagnose([gateway, orders, inventoryServer({})], [sent]);
    expect(rest).toEqual([]);
    expect(hop).toMatchObject({ from: 'orders', to: 'inventory', cause: 'callee-ignored-context', certainty: 'wire' });
    expect(hop?.caller).toBeUndefined();
    expect(hop?.wire).toBe(sent);
    expect(hop?.description).toContain(`inventory received a valid context on GET /stock/book (answered 200)`);
  });

  test('handled, but no span of the callee arrived', () => {
    const { gateway, orders, call } = system();
    const [hop, ...rest] = diagnose([gateway, orders, call], [record(traceparent(MAIN, call.spanId))]);
    expect(rest).toEqual([]);
    expect(hop).toMatchObject({ cause: 'not-exported', certainty: 'wire', caller: call });
    expect(hop?.description).toBe(
      `orders -> inventory: inventory handled GET /stock/book (answered 200) (seen by the tap, carrying trace ${MAIN}), but none of its spans for it arrived: expected but missing, it did not flush before it stopped, or it does not export`,
    );
  });

  test('handled, no span arrived, and the call was marked not sampled: the flag is named, the rest inferred', () => {
    const { gateway, orders } = system();
    // orders' sampler decided against the call: no client span, and the context went out with the flag off.
    const unsampled = { traceparent: `00-${MAIN}-${'e'.repeat(16)}-00` };
    const [hop, ...rest] = diagnose([gateway, orders], [record(unsampled)]);
    expect(rest).toEqual([]);
    expect(hop).toMatchObject({ cause: 'not-exported', from: 'orders', to: 'inventory' });
    expect(hop?.description).toBe(
      `orders -> inventory: inventory handled GET /stock/book (answered 200) (seen by the tap, carrying trace ${MAIN}), but none of its spans for it arrived, and the call carried the context marked not sampled (W3C traceparent with the sampled flag off). Inferred from the flag: inventory followed orders' decision not to sample, as a parent-based sampler (OpenTelemetry's default) does; or it did not flush, or it does not export`,
    );
    expect(hop?.advice).toContain('orders decided not to sample this call');
    // B3 with sampling state 0 says the same; a B3 header that leaves the decision open does not.
    const [b3] = diagnose([gateway, orders], [record({ b3: `${MAIN}-${'e'.repeat(16)}-0` })]);
    expect(b3?.description).toContain('marked not sampled (B3 single (b3) with the sampled flag off)');
    const [open] = diagnose([gateway, orders], [record({ b3: `${MAIN}-${'e'.repeat(16)}` })]);
    expect(open?.description).toContain(
      'expected but missing, it did not flush before it stopped, or it does not export',
    );
  });

  test('a connected call is no break, whatever else the tap saw', () => {
    const { gateway, orders, call } = system();
    const callee = inventoryServer({ traceId: MAIN, parent: call.spanId });
    expect(diagnose([gateway, orders, call, callee], [record(traceparent(MAIN, call.spanId))])).toEqual([]);
  });
});

describe('from the spans alone', () => {
  test('no tap: the callee did not continue the trace, inferred with both possibilities', () => {
    const { gateway, orders, call } = system();
    const [hop] = diagnose([gateway, orders, call, inventoryServer({})]);
    expect(hop).toMatchObject({ cause: 'not-continued', certainty: 'inferred', caller: call });
    expect(hop?.description).toContain(
      'Inferred, no tap on this link: orders sent no context (or one inventory does not read), or inventory ignored it',
    );
  });

  test('no tap: a parent from another trace with the caller’s span id', () => {
    const { gateway, orders, call } = system();
    const [hop] = diagnose([gateway, orders, call, inventoryServer({ traceId: OTHER, parent: call.spanId })]);
    expect(hop).toMatchObject({ cause: 'caller-sent-other-trace', certainty: 'inferred' });
    expect(hop?.description).toContain('Inferred, no tap on this link: orders sent its span id with another trace');
  });

  test('the call ran outside the request’s context', () => {
    const { gateway, orders } = system();
    const root = makeSpan({ traceId: SPLIT, name: 'GET', kind: 'client', service: 'orders', start: 10, end: 40 });
    const [hop] = diagnose([gateway, orders, root]);
    expect(hop).toMatchObject({ cause: 'call-outside-context', certainty: 'spans', span: root });
    expect(hop?.description).toContain(
      `orders: the outgoing call ran outside the request's context: orders' client span "GET" started a new trace (${SPLIT}) while orders was handling "GET /orders" of this test's trace`,
    );
  });

  test('the handling ran under a new root', () => {
    const { gateway, orders } = system();
    const root = makeSpan({ traceId: SPLIT, name: 'handle', service: 'orders', start: 5, end: 45 });
    const [hop] = diagnose([gateway, orders, root]);
    expect(hop).toMatchObject({ cause: 'work-in-new-root', certainty: 'spans' });
    expect(hop?.description).toContain(
      'orders: the handling of "GET /orders" ran under a new root: internal span "handle"',
    );
  });

  test('the callee recorded no server span', () => {
    const { gateway, orders, call } = system();
    const work = makeSpan({ traceId: SPLIT, name: 'lookup', service: 'inventory', start: 12, end: 30 });
    const [withTap] = diagnose([gateway, orders, call, work], [record(traceparent(MAIN, call.spanId))]);
    expect(withTap).toMatchObject({ cause: 'callee-no-server-span', certainty: 'wire' });
    const [timeOnly] = diagnose([gateway, orders, call, work]);
    expect(timeOnly).toMatchObject({ cause: 'callee-no-server-span', certainty: 'inferred' });
    expect(timeOnly?.description).toContain('it was running when that work began, nothing more ties them');
  });

  test('a split-off trace nothing ties to the test is not the test’s', () => {
    const { gateway, orders, call } = system();
    const callee = inventoryServer({ traceId: MAIN, parent: call.spanId });
    const unrelated = makeSpan({ traceId: SPLIT, name: 'cron', service: 'billing', start: 20, end: 22 });
    expect(diagnose([gateway, orders, call, callee, unrelated])).toEqual([]);
  });
});

describe('beside a concurrent test', () => {
  const theirs = () => system(OTHER);

  test('a split-off trace that requests of both tests could explain is reported as possibly theirs', () => {
    const { gateway, orders, call } = system();
    const other = theirs();
    const stray = inventoryServer({});
    const hops = diagnose(
      [gateway, orders, call, stray],
      [record(traceparent(MAIN, call.spanId)), record(traceparent(OTHER, other.call.spanId), { id: 2 })],
      { others: [other.gateway, other.orders, other.call], concurrent: true },
    );
    // The stray, which may be theirs; and this test's request, whose answer may be that stray or missing.
    expect(hops.map((hop) => [hop.cause, hop.certainty, hop.mayBelongToConcurrentTest])).toEqual([
      ['not-continued', 'inferred', true],
      ['not-exported', 'inferred', false],
    ]);
    expect(hops[0]?.description).toMatch(/\(this split-off trace may belong to a concurrent test\)$/);
    expect(hops[1]?.description).toContain(
      "no span of it arrived that is certainly its: expected but missing, it did not flush before it stopped, or it does not export; a split-off trace of inventory began during it that may be this request's or a concurrent test's (inferred)",
    );
  });

  test('a request is matched only to a span it could have become: an orphan continued what its request carried', () => {
    // This test's call sent a foreign trace (FOREIGN, parent = its client span): inventory's span is an orphan
    // there. At the same time a concurrent test's request carried nothing and became a new root in SPLIT.
    const FOREIGN = '5'.repeat(32);
    const { gateway, orders, call } = system();
    const other = theirs();
    const orphan = inventoryServer({ traceId: FOREIGN, parent: call.spanId });
    const newRoot = inventoryServer({});
    const wire = [record({}, { id: 2, startUnixNano: at(10.5) }), record(traceparent(FOREIGN, call.spanId), { id: 1 })];
    const hops = diagnose([gateway, orders, call, orphan, newRoot], wire, {
      others: [other.gateway, other.orders, other.call],
      concurrent: true,
    });
    const ofOrphan = hops.find((hop) => hop.span === orphan);
    expect(ofOrphan).toMatchObject({ cause: 'caller-sent-other-trace', certainty: 'wire' });
    expect(ofOrphan?.description).toContain(`W3C traceparent trace ${FOREIGN}`);
    // Never the request without context, which could only have become a new root: no hop says the orphan
    // "started a new trace".
    for (const hop of hops) {
      if (hop.span === orphan) expect(hop.description).not.toMatch(/started a new trace|sent no trace context/);
    }
    // The new root may be the concurrent test's, and says so.
    const ofNewRoot = hops.find((hop) => hop.span === newRoot);
    if (ofNewRoot) expect(ofNewRoot.mayBelongToConcurrentTest).toBe(true);
  });

  test('two tests at once, each call became a new root: each finds a break, neither claims the other’s as certain', () => {
    // This test's call sent nothing (a header stripped); the other test's sent only B3, which inventory does not
    // read. Both arrived as new roots while both requests were on the wire.
    const { gateway, orders, call } = system();
    const other = theirs();
    const first = inventoryServer({});
    const second = inventoryServer({ traceId: '6'.repeat(32) });
    const wire = [
      record({}, { id: 1 }),
      record({ b3: `${OTHER}-${other.call.spanId}-1` }, { id: 2, calleeReads: ['w3c'] }),
    ];
    const mine = diagnose([gateway, orders, call, first, second], wire, {
      others: [other.gateway, other.orders, other.call],
      concurrent: true,
    });
    // A break is found (the test cannot pass), and no stray is claimed as certainly this test's.
    expect(mine.length).toBeGreaterThan(0);
    for (const hop of mine.filter((item) => item.span === first || item.span === second)) {
      expect(hop.mayBelongToConcurrentTest, hop.description).toBe(true);
    }
    // The other test, seen from its side (its trace is the own one): the same, and never "certain" on a stray that
    // this test's request could explain.
    const swapped = diagnoseLostContext({
      traces: TraceSet.fromSpans([other.gateway, other.orders, other.call]),
      strays: TraceSet.fromSpans([first, second]),
      others: TraceSet.fromSpans([gateway, orders, call]),
      wire,
      concurrentTests: true,
    }).hops;
    expect(swapped.length).toBeGreaterThan(0);
    for (const hop of swapped.filter((item) => item.span === first || item.span === second)) {
      expect(hop.mayBelongToConcurrentTest, hop.description).toBe(true);
    }
  });

  test('one call, two requests without context on the wire while it ran, another test running: neither is certain', () => {
    // Two tests with the same defect at once; the other test's spans have not arrived yet (its trace is unknown).
    const { gateway, orders, call } = system();
    const first = inventoryServer({});
    const second = inventoryServer({ traceId: '6'.repeat(32) });
    const wire = [record({}, { id: 1 }), record({}, { id: 2, startUnixNano: at(12) })];
    const together = diagnose([gateway, orders, call, first, second], wire, { concurrent: true });
    expect(together.length).toBeGreaterThan(0);
    for (const hop of together) expect(hop.certainty, hop.description).not.toBe('wire');
    // Alone, the same evidence is this test's: one call, and the tap saw its request leave without context.
    const alone = diagnose([gateway, orders, call, first], [record({}, { id: 1 })], { concurrent: false });
    expect(alone).toMatchObject([{ cause: 'caller-sent-none', certainty: 'wire', span: first }]);
  });

  test('a call whose own request is on the wire is not tied to another request by time', () => {
    // This test's call sent a foreign trace (its span id as the parent): that is its request. A concurrent test's
    // request without context, while it ran, became a new root: not this test's.
    const FOREIGN = '5'.repeat(32);
    const { gateway, orders, call } = system();
    const orphan = inventoryServer({ traceId: FOREIGN, parent: call.spanId });
    const newRoot = inventoryServer({});
    const wire = [record(traceparent(FOREIGN, call.spanId), { id: 1 }), record({}, { id: 2, startUnixNano: at(12) })];
    const hops = diagnose([gateway, orders, call, orphan, newRoot], wire, { concurrent: true });
    expect(hops.find((hop) => hop.span === orphan)).toMatchObject({
      cause: 'caller-sent-other-trace',
      certainty: 'wire',
    });
    const ofNewRoot = hops.find((hop) => hop.span === newRoot);
    if (ofNewRoot) expect(ofNewRoot.mayBelongToConcurrentTest, ofNewRoot.description).toBe(true);
  });

  test('a call whose request named its trace with a wrong parent is not tied to another request by time', () => {
    // This test's call sent its trace with a wrong parent id (inventory's span is an orphan in the test's trace).
    // A concurrent test's request without context, while it ran, became a new root: not certainly this test's.
    const { gateway, orders, call } = system();
    const orphan = inventoryServer({ traceId: MAIN, parent: 'feedfeedfeedfeed' });
    const newRoot = inventoryServer({});
    const wire = [
      record(traceparent(MAIN, 'feedfeedfeedfeed'), { id: 1 }),
      record({}, { id: 2, startUnixNano: at(12) }),
    ];
    const hops = diagnose([gateway, orders, call, orphan, newRoot], wire, { concurrent: true });
    expect(hops.find((hop) => hop.span === orphan)).toMatchObject({
      cause: 'caller-sent-wrong-parent',
      certainty: 'wire',
    });
    const ofNewRoot = hops.find((hop) => hop.span === newRoot);
    if (ofNewRoot) expect(ofNewRoot.mayBelongToConcurrentTest, ofNewRoot.description).toBe(true);
  });

  test('one call, the only request without context on its link while it ran: this test’s, beside a concurrent test too', () => {
    const { gateway, orders, call } = system();
    const split = inventoryServer({});
    const hops = diagnose([gateway, orders, call, split], [record({}, { id: 1 })], { concurrent: true });
    expect(hops).toMatchObject([{ cause: 'caller-sent-none', certainty: 'wire', span: split }]);
    expect(hops[0]?.mayBelongToConcurrentTest).toBeFalsy();
  });

  test('a wrong parent in the test’s trace is its request, not the other test’s request beside it on the link', () => {
    // Two requests into inventory while this test's call ran: its own (its trace, a wrong parent id) and the
    // concurrent test's (that test's trace and call). The orphan is explained by this test's request.
    const { gateway, orders, call } = system();
    const other = theirs();
    const orphan = inventoryServer({ traceId: MAIN, parent: 'feedfeedfeedfeed' });
    const mine = record(traceparent(MAIN, 'feedfeedfeedfeed'), { id: 1, startUnixNano: at(11.5) });
    const wire = [record(traceparent(OTHER, other.call.spanId), { id: 2 }), mine];
    const hops = diagnose([gateway, orders, call, orphan], wire, {
      others: [other.gateway, other.orders, other.call],
      concurrent: true,
    });
    const hop = hops.find((item) => item.span === orphan);
    expect(hop).toMatchObject({ cause: 'caller-sent-wrong-parent', certainty: 'wire' });
    expect(hop?.wire).toBe(mine);
  });

  test('a test whose calls were all answered claims nothing, though a stray ran at the same time', () => {
    const { gateway, orders, call } = system();
    const callee = inventoryServer({ traceId: MAIN, parent: call.spanId });
    const other = theirs();
    const stray = inventoryServer({});
    const work = makeSpan({ traceId: '4'.repeat(32), name: 'lookup', service: 'inventory', start: 13, end: 20 });
    expect(
      diagnose([gateway, orders, call, callee, stray, work], [record({})], {
        others: [other.gateway, other.orders, other.call],
        concurrent: true,
      }),
    ).toEqual([]);
  });

  test('time alone claims nothing while another test runs', () => {
    const { gateway, orders, call } = system();
    const work = makeSpan({ traceId: SPLIT, name: 'lookup', service: 'inventory', start: 12, end: 30 });
    expect(diagnose([gateway, orders, call, work], [], { concurrent: false })).toHaveLength(1);
    const hops = diagnose([gateway, orders, call, work], [], { concurrent: true });
    expect(hops.map((hop) => hop.mayBelongToConcurrentTest)).toEqual([true]);
  });
});
