import { spawnSync } from 'node:child_process';
import { span, type Trace } from 'tracespec';
import { type Collector, JAEGER_TRACE_ID_ATTRIBUTE, startCollector } from 'tracespec/otlp';
import { describe, expect, test } from 'vitest';
import { fixture, runChild } from '../support/runChild.ts';

// Debian's ruby-jaeger-client (.ci/apt-packages installs it; CI fails rather than skips without it).
const installed = spawnSync('ruby', ['-e', 'require "jaeger/client"']).status === 0;

async function runRuby(collector: Collector, sender: 'udp' | 'http', repeat: number): Promise<readonly string[]> {
  const output = await runChild('ruby', [fixture('jaeger/ruby_jaeger_client.rb')], {
    ...collector.env({ serviceName: 'stock' }),
    SENDER: sender,
    REPEAT: String(repeat),
  });
  return (JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { traces: string[] }).traces;
}

const traceOf = (header: string) => (trace: Trace) => trace.traceId === (header.split(':')[0] ?? '').padStart(32, '0');

function expectStockTree(trace: Trace, header: string): void {
  expect(trace).toHaveSpanTree(
    span({ name: 'GET /stock', kind: 'server', service: 'stock', parent: null }, [
      span({ name: 'SELECT stock', kind: 'client', events: [{ name: 'rows', attributes: { count: 3 } }] }),
      span({ name: 'reserve', status: { code: 'error', message: 'out of stock' } }),
      span({ name: 'notify warehouse', kind: 'producer' }),
    ]),
    { mode: 'exact' },
  );
  expect(trace).toBeConnected();
  expect(trace.root?.attributes).toMatchObject({
    'http.status_code': 200,
    'stock.level': 0.75,
    'cache.hit': true,
    [JAEGER_TRACE_ID_ATTRIBUTE]: header.split(':')[0]?.padStart(16, '0'),
  });
  expect(trace.root?.resource).toMatchObject({
    'service.name': 'stock',
    'jaeger.version': expect.stringMatching(/^Ruby-/),
    'deployment.environment': 'test',
  });
  const notify = trace.spans.find((s) => s.name === 'notify warehouse');
  expect(notify?.links).toEqual([
    { traceId: trace.traceId, spanId: trace.root?.spanId, attributes: { 'opentracing.ref_type': 'follows_from' } },
  ]);
}

describe.skipIf(!installed && process.env.CI !== 'true')(
  'ruby-jaeger-client (Debian) reports to the collector (apt-get install ruby-jaeger-client to run these)',
  () => {
    test('UDP sender: Thrift compact to the agent port, as Jaeger clients other than Node send', async () => {
      await using collector = await startCollector({ grpc: false });
      const headers = await runRuby(collector, 'udp', 5);
      for (const header of headers) {
        expectStockTree(await collector.waitForTrace(traceOf(header), { timeout: 5000, settle: 20 }), header);
      }
      const [compact] = collector.jaegerAgentStats();
      expect(compact).toMatchObject({ protocol: 'compact', stored: 20, refused: 0, rejectedSpans: 0, dropped: 0 });
      expect(collector.traces().spans.every((s) => s.source === 'jaeger-udp')).toBe(true);
    });

    test('HTTP sender: a Thrift binary Batch posted to JAEGER_ENDPOINT', async () => {
      await using collector = await startCollector({ grpc: false });
      const headers = await runRuby(collector, 'http', 5);
      for (const header of headers) {
        expectStockTree(await collector.waitForTrace(traceOf(header), { timeout: 5000, settle: 20 }), header);
      }
      expect(collector.store.size).toBe(20);
      expect(collector.traces().spans.every((s) => s.source === 'jaeger-http')).toBe(true);
    });
  },
);
