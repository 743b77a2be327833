import { spawnSync } from 'node:child_process';
import { startCollector } from 'tracespec/otlp';
import { expect, test } from 'vitest';
import { encodeEmitBatch, str } from '../support/encodeJaeger.ts';
import { fixture } from '../support/runChild.ts';

// UDP has no answer and no retry: a burst larger than the socket's receive buffer, sent while the collector cannot
// read, loses datagrams in the kernel. They are not silently gone: the kernel's count of them is reported.
test.skipIf(process.platform !== 'linux')(
  'datagrams the kernel dropped are counted (read + dropped = sent) and shown when a wait times out',
  async () => {
    await using collector = await startCollector({ grpc: false });
    const agent = collector.jaegerAgentStats().find((s) => s.protocol === 'compact');
    const datagram = encodeEmitBatch(
      { serviceName: 'flood', spans: [{ traceIdLow: 7n, spanId: 7n, tags: [str('pad', 'x'.repeat(60_000))] }] },
      'compact',
    );
    // Three times what the receive buffer holds, so that some must be dropped whatever the kernel's accounting.
    const count = Math.ceil((3 * (agent?.receiveBufferBytes ?? 0)) / datagram.length);
    const sender = spawnSync(process.execPath, [fixture('jaeger/floodUdp.mjs')], {
      input: datagram,
      env: { ...process.env, PORT: String(agent?.port), COUNT: String(count) },
    });
    expect(sender.status, sender.stderr.toString()).toBe(0);

    const compact = () => collector.jaegerAgentStats().find((s) => s.protocol === 'compact');
    await expect.poll(() => (compact()?.received ?? 0) + (compact()?.dropped ?? 0), { timeout: 10_000 }).toBe(count);
    const stats = compact();
    expect(stats?.dropped).toBeGreaterThan(0);
    expect(stats?.received).toBeGreaterThan(0);
    expect(stats?.stored).toBe(stats?.received);
    expect(collector.store.size).toBe(stats?.received);

    const error = await collector.waitForTrace({ rootName: 'never sent' }, { timeout: 100 }).catch((e: Error) => e);
    expect(String(error)).toContain(
      `- Jaeger agent (Thrift compact) on udp 127.0.0.1:${stats?.port}: ${stats?.received} datagram(s) read, 0 refused whole, ${stats?.stored} span(s) stored, 0 span(s) rejected, ${stats?.dropped} datagram(s) lost before they were read (receive buffer full)`,
    );
    await collector.stop();
    // The kernel forgets a closed socket's counters; the last reading is kept.
    expect(collector.jaegerAgentStats().find((s) => s.protocol === 'compact')?.dropped).toBe(stats?.dropped);
  },
);

test.skipIf(process.platform !== 'linux')(
  'stop() reads the datagrams still queued in the socket before it closes it',
  async () => {
    const collector = await startCollector({ grpc: false });
    const agent = collector.jaegerAgentStats().find((s) => s.protocol === 'binary');
    const datagram = encodeEmitBatch({ serviceName: 'late', spans: [{ traceIdLow: 9n, spanId: 9n }] }, 'binary');
    // Sent while this process cannot read (spawnSync blocks it): all 200 wait in the socket when stop() is called.
    const sender = spawnSync(process.execPath, [fixture('jaeger/floodUdp.mjs')], {
      input: datagram,
      env: { ...process.env, PORT: String(agent?.port), COUNT: '200' },
    });
    expect(sender.status, sender.stderr.toString()).toBe(0);
    await collector.stop();
    expect(collector.jaegerAgentStats().find((s) => s.protocol === 'binary')).toMatchObject({
      received: 200,
      stored: 200,
      dropped: 0,
    });
    expect(collector.store.size).toBe(200);
  },
);
