import { span, type Trace } from 'tracespec';
import { type Collector, JAEGER_TRACE_ID_ATTRIBUTE, type JaegerSender, startCollector } from 'tracespec/otlp';
import { describe, expect, test } from 'vitest';
import { fixture, runChild } from '../support/runChild.ts';

// jaeger-client for Node (npm), configured only by collector.env(), reporting through each of its senders.
interface ScenarioOutput {
  readonly traces: readonly string[];
  readonly debugTrace: string;
}

async function runScenario(collector: Collector, sender: JaegerSender, env: Record<string, string> = {}) {
  const output = await runChild(process.execPath, [fixture('jaeger/jaegerClientScenario.mjs')], {
    ...collector.env({ serviceName: 'orders', jaegerSender: sender }),
    ...env,
  });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as ScenarioOutput;
}

/** The trace id of an `uber-trace-id` header, as tracespec stores it (64-bit ids padded). */
const traceIdOf = (header: string) => (header.split(':')[0] ?? '').padStart(32, '0');
/** Selects the trace of an `uber-trace-id` header. */
const traceOf = (header: string) => (trace: Trace) => trace.traceId === traceIdOf(header);

function expectOrdersTree(trace: Trace): void {
  expect(trace).toHaveSpanTree(
    span({ name: 'GET /orders', kind: 'server', service: 'orders', parent: null }, [
      span({ name: 'SELECT orders', kind: 'client', events: [{ name: 'cache miss' }] }),
      span({ name: 'charge card', kind: 'internal', status: { code: 'error', message: 'card declined' } }),
      span({ name: 'send receipt', kind: 'producer' }),
    ]),
    { mode: 'exact' },
  );
  expect(trace).toBeConnected();
  const root = trace.root;
  expect(root?.attributes).toMatchObject({
    'http.method': 'GET',
    'http.status_code': 200,
    'cache.hit': false,
    load: 0.25,
    'jaeger.sampled': true,
    'jaeger.debug': false,
  });
  expect(root?.resource).toMatchObject({
    'service.name': 'orders',
    'deployment.environment': 'test',
    'jaeger.version': expect.stringMatching(/^Node-3\./),
    hostname: expect.any(String),
  });
  const query = trace.spans.find((s) => s.name === 'SELECT orders');
  expect(query?.events[0]?.attributes).toEqual({ key: expect.stringMatching(/^orders:\d+$/) });
  expect(query?.events[0]?.timeUnixNano).toBeGreaterThanOrEqual(query?.startTimeUnixNano ?? 0n);
  // jaeger-client makes a FOLLOWS_FROM reference the parent when there is no CHILD_OF: parent and link.
  const receipt = trace.spans.find((s) => s.name === 'send receipt');
  expect(receipt?.links).toEqual([
    { traceId: trace.traceId, spanId: root?.spanId, attributes: { 'opentracing.ref_type': 'follows_from' } },
  ]);
}

describe('jaeger-client (npm) reports to the collector', () => {
  test('HTTP sender (JAEGER_ENDPOINT), 64-bit trace ids: the trees it should, ids padded, the original kept', async () => {
    await using collector = await startCollector({ grpc: false });
    const output = await runScenario(collector, 'http', { REPEAT: '3' });

    for (const header of output.traces) {
      const trace = await collector.waitForTrace(traceOf(header), { timeout: 5000, settle: 20 });
      expectOrdersTree(trace);
      expect(trace.spans.every((s) => s.source === 'jaeger-http')).toBe(true);
      expect(trace.root?.attributes[JAEGER_TRACE_ID_ATTRIBUTE]).toBe(header.split(':')[0]?.padStart(16, '0'));
    }
    const debug = await collector.waitForTrace(traceOf(output.debugTrace), { settle: 20 });
    expect(debug.root?.attributes).toMatchObject({
      'jaeger.debug': true,
      'jaeger.sampled': true,
      'jaeger-debug-id': 'checkout-bug',
    });
    expect(collector.store.size).toBe(3 * 4 + 1);
    expect(collector.jaegerAgentStats().map((stats) => stats.received)).toEqual([0, 0]);
  });

  test('UDP sender to the binary agent port, 128-bit trace ids', async () => {
    await using collector = await startCollector({ grpc: false });
    const output = await runScenario(collector, 'udp-binary', { TRACE_ID_128: '1', REPEAT: '3' });

    for (const header of output.traces) {
      expect(header.split(':')[0]).toMatch(/^[0-9a-f]{17,32}$/);
      const trace = await collector.waitForTrace(traceOf(header), { timeout: 5000, settle: 20 });
      expectOrdersTree(trace);
      expect(trace.spans.every((s) => s.source === 'jaeger-udp')).toBe(true);
      expect(trace.root?.attributes[JAEGER_TRACE_ID_ATTRIBUTE]).toBeUndefined();
    }
    await collector.waitForTrace(traceOf(output.debugTrace), { settle: 20 });
    const [compact, binary] = collector.jaegerAgentStats();
    expect(compact).toMatchObject({ protocol: 'compact', received: 0 });
    expect(binary).toMatchObject({ protocol: 'binary', stored: 13, refused: 0, rejectedSpans: 0, dropped: 0 });
  });

  test('its binary datagrams sent to the compact port: refused, counted, and named when the wait times out', async () => {
    await using collector = await startCollector({ grpc: false });
    // A client left at the default the docs give for every other language: JAEGER_AGENT_PORT = the compact port.
    const output = await runScenario(collector, 'udp-compact');

    const [compact] = collector.jaegerAgentStats();
    await expect.poll(() => collector.jaegerAgentStats()[0]?.received, { timeout: 5000 }).toBeGreaterThan(0);
    expect(compact?.port).toBe(collector.endpoints.jaegerAgent?.compactPort);
    expect(collector.store.size).toBe(0);
    const error = await collector
      .waitForTrace(traceOf(output.traces[0] ?? ''), { timeout: 200 })
      .catch((e: Error) => e);
    expect(String(error)).toContain('Receivers that cannot answer their senders refused or lost data:');
    expect(String(error)).toMatch(
      /- Jaeger agent \(Thrift compact\) on udp 127\.0\.0\.1:\d+: 1 datagram\(s\) read, 1 refused whole, 0 span\(s\) stored, 0 span\(s\) rejected/,
    );
    expect(String(error)).toMatch(
      /a datagram of \d+ bytes from 127\.0\.0\.1:\d+ is not a Thrift compact emitBatch message: .* It starts with the Thrift binary message header, so it was likely meant for the binary port/,
    );
  });
});
