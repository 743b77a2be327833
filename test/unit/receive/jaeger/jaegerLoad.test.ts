import { spawnSync } from 'node:child_process';
import { type Collector, startCollector } from 'tracespec/otlp';
import { expect, test } from 'vitest';
import { encodeEmitBatch, encodeJaegerBatch, long, str, type TestBatch } from '../support/encodeJaeger.ts';
import { fixture, runChild } from '../support/runChild.ts';
import { sendDatagrams } from '../support/sendDatagram.ts';

const CLIENTS = 24;
const BATCHES_PER_CLIENT = 25;
const SPANS_PER_BATCH = 100;
const TOTAL = CLIENTS * BATCHES_PER_CLIENT * SPANS_PER_BATCH;
const PATHS = ['http', 'udp-compact', 'udp-binary'] as const;

/** Resolves once the store holds `count` spans of a trace (woken by the store, no polling), or rejects at the deadline. */
function stored(collector: Collector, traceId: string, count: number, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => collector.store.spansOf(traceId).length >= count;
    if (done()) return resolve();
    const timer = setTimeout(() => {
      stop();
      reject(
        new Error(
          `trace ${traceId} has ${collector.store.spansOf(traceId).length}/${count} spans after ${timeoutMs}ms`,
        ),
      );
    }, timeoutMs);
    const stop = collector.store.subscribe(() => {
      if (!done()) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

function batchOf(client: number, round: number): { batch: TestBatch; traceId: string } {
  const traceIdLow = BigInt(client * 1_000_000 + round + 1);
  const base = BigInt((client * BATCHES_PER_CLIENT + round) * SPANS_PER_BATCH);
  return {
    traceId: `${'0'.repeat(16)}${traceIdLow.toString(16).padStart(16, '0')}`,
    batch: {
      serviceName: `client-${client}`,
      spans: Array.from({ length: SPANS_PER_BATCH }, (_, i) => ({
        traceIdLow,
        spanId: base + BigInt(i) + 1n,
        parentSpanId: i === 0 ? 0n : base + 1n,
        operationName: `op ${i}`,
        tags: [str('span.kind', i === 0 ? 'server' : 'client'), long('i', BigInt(i))],
      })),
    },
  };
}

test(`${CLIENTS} concurrent clients over HTTP and both agent ports send ${TOTAL} spans: each stored exactly once`, async () => {
  await using collector = await startCollector({ grpc: false });
  const agent = collector.endpoints.jaegerAgent;
  const client = async (c: number) => {
    const path = PATHS[c % PATHS.length] ?? 'http';
    for (let round = 0; round < BATCHES_PER_CLIENT; round++) {
      const { batch, traceId } = batchOf(c, round);
      if (path === 'http') {
        const res = await fetch(collector.endpoints.jaeger, {
          method: 'POST',
          headers: { 'content-type': 'application/x-thrift' },
          body: encodeJaegerBatch(batch),
        });
        expect(res.status).toBe(202);
        await res.arrayBuffer();
      } else {
        const protocol = path === 'udp-compact' ? 'compact' : 'binary';
        const port = protocol === 'compact' ? agent?.compactPort : agent?.binaryPort;
        await sendDatagrams(agent?.host ?? '', port ?? 0, [encodeEmitBatch(batch, protocol)]);
        // UDP has no answer to wait for: the client sends its next datagram once this one is stored, as a client
        // with one datagram in flight would.
        await stored(collector, traceId, SPANS_PER_BATCH);
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));

  expect(collector.store.size).toBe(TOTAL);
  expect(new Set(collector.store.spans().map((span) => span.spanId)).size).toBe(TOTAL);
  const traces = collector.traces();
  expect(traces.size).toBe(CLIENTS * BATCHES_PER_CLIENT);
  expect(traces.traces.every((trace) => trace.root !== undefined && trace.size === SPANS_PER_BATCH)).toBe(true);
  for (const stats of collector.jaegerAgentStats()) {
    expect(stats).toMatchObject({ received: 8 * BATCHES_PER_CLIENT, refused: 0, rejectedSpans: 0, dropped: 0 });
  }
}, 60_000);

const rubyInstalled = spawnSync('ruby', ['-e', 'require "jaeger/client"']).status === 0;

test('12 real client processes at once (jaeger-client for Node over HTTP and UDP, Ruby over UDP and HTTP): exact count', async () => {
  // ruby-jaeger-client 1.3.0 sizes its UDP batches without the emitBatch message header, so a full one can be a few
  // bytes over its own 65000-byte limit, which a Jaeger agent (and tracespec by default) refuses: raised here.
  await using collector = await startCollector({ grpc: false, jaegerMaxDatagramBytes: 65_507 });
  const repeat = 250; // 4 spans per request, plus one debug trace per Node process
  const node = (sender: 'http' | 'udp-binary') =>
    runChild(process.execPath, [fixture('jaeger/jaegerClientScenario.mjs')], {
      ...collector.env({ serviceName: 'orders', jaegerSender: sender }),
      REPEAT: String(repeat),
    });
  const ruby = (sender: 'http' | 'udp') =>
    runChild('ruby', [fixture('jaeger/ruby_jaeger_client.rb')], {
      ...collector.env({ serviceName: 'stock' }),
      SENDER: sender,
      REPEAT: String(repeat),
    });
  const useRuby = rubyInstalled || process.env.CI === 'true';
  const children = [
    ...Array.from({ length: 4 }, () => node('http')),
    ...Array.from({ length: 4 }, () => node('udp-binary')),
    ...(useRuby ? [ruby('udp'), ruby('udp'), ruby('http'), ruby('http')] : []),
  ];
  const outputs = await Promise.all(children);
  const expected = 8 * (repeat * 4 + 1) + (useRuby ? 4 * repeat * 4 : 0);
  // Datagrams the kernel dropped before the agent read them (its receive buffer full: the burst of all six UDP
  // senders at once, on a loaded machine). That is UDP's loss, which the collector reports, not one of its own.
  const kernelDrops = () => collector.jaegerAgentStats().reduce((sum, stats) => sum + (stats.dropped ?? 0), 0);
  // What to look at when the count is short: the spans of each process, what each port read and lost, the clients.
  const account = () => {
    const perProcess = new Map<string, number>();
    for (const span of collector.store.spans()) {
      const key = `${span.service} ${String(span.resource.hostname ?? '')} ${String(span.resource['client-uuid'] ?? '')}`;
      perProcess.set(key, (perProcess.get(key) ?? 0) + 1);
    }
    return JSON.stringify(
      {
        stored: collector.store.size,
        expected,
        perProcess: [...perProcess],
        ports: collector.jaegerAgentStats(),
        // The end of each client's output: its errors, if it logged any.
        outputEnds: outputs.map((output) => output.slice(-300)),
      },
      null,
      2,
    );
  };
  // Every child has exited, so every datagram was sent; the agent reads what is in its socket right away.
  await expect
    .poll(() => collector.store.size === expected || kernelDrops() > 0, { timeout: 10_000 })
    .toBe(true)
    .catch(() => {
      throw new Error(
        `${collector.store.size} of ${expected} spans stored, and the kernel dropped no datagram: ${account()}`,
      );
    });
  if (kernelDrops() > 0) {
    // The exact count cannot hold: the loss must then be the kernel's, and reported.
    expect(collector.store.size, account()).toBeLessThan(expected);
    console.warn(`[jaegerLoad] the kernel dropped ${kernelDrops()} datagram(s): ${account()}`);
    return;
  }
  const traces = collector.traces();
  expect(traces.size).toBe(8 * (repeat + 1) + (useRuby ? 4 * repeat : 0));
  expect(traces.traces.every((trace) => trace.root !== undefined && trace.orphans.length === 0)).toBe(true);
  for (const stats of collector.jaegerAgentStats()) {
    expect(stats).toMatchObject({ refused: 0, rejectedSpans: 0, dropped: 0 });
  }
}, 60_000);
