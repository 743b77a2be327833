import { gzipSync } from 'node:zlib';
import { type Collector, type JaegerAgentStats, startCollector } from 'tracespec/otlp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeEmitBatch, encodeJaegerBatch, str, type TestBatch } from '../support/encodeJaeger.ts';
import { sendDatagrams } from '../support/sendDatagram.ts';

const MAX = 64 * 1024;
const TOKEN = 'tok-j';
let collector: Collector;
let next = 1;

beforeAll(async () => {
  collector = await startCollector({ grpc: false, token: TOKEN, maxBodyBytes: MAX });
});
afterAll(() => collector.stop());

/** A batch of fresh spans each call (trace ids never repeat). */
function batch(count = 2): TestBatch {
  return {
    serviceName: 'bad-input',
    spans: Array.from({ length: count }, () => {
      const n = BigInt(next++);
      return { traceIdLow: n, spanId: n, operationName: `span ${n}`, tags: [str('k', 'v')] };
    }),
  };
}

const post = (headers: Record<string, string>, body: Uint8Array | string, method = 'POST') =>
  fetch(collector.endpoints.jaeger, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, ...headers },
    ...(method === 'POST' ? { body } : {}),
  });
const THRIFT = { 'content-type': 'application/x-thrift' };

/** After every refused request or datagram: earlier spans intact, the next valid one stored. */
async function expectStillWorking(sizeBefore: number) {
  expect(collector.store.size).toBe(sizeBefore);
  const res = await post(THRIFT, encodeJaegerBatch(batch(1)));
  expect(res.status).toBe(202);
  expect(collector.store.size).toBe(sizeBefore + 1);
  const agent = collector.endpoints.jaegerAgent;
  await sendDatagrams(agent?.host ?? '', agent?.compactPort ?? 0, [encodeEmitBatch(batch(1), 'compact')]);
  await expect.poll(() => collector.store.size).toBe(sizeBefore + 2);
}

const stats = (protocol: 'compact' | 'binary'): JaegerAgentStats => {
  const found = collector.jaegerAgentStats().find((s) => s.protocol === protocol);
  if (!found) throw new Error(`no ${protocol} agent`);
  return found;
};

describe('POST /api/traces refuses bad input clearly and keeps working', () => {
  test('both media types jaeger-collector accepts, gzip too: 202, empty body', async () => {
    const before = collector.store.size;
    for (const type of ['application/x-thrift', 'application/vnd.apache.thrift.binary; charset=binary']) {
      const res = await post({ 'content-type': type }, encodeJaegerBatch(batch()));
      expect(res.status).toBe(202);
      expect(await res.text()).toBe('');
    }
    const gz = await post({ ...THRIFT, 'content-encoding': 'gzip' }, gzipSync(encodeJaegerBatch(batch())));
    expect(gz.status).toBe(202);
    expect(collector.store.size).toBe(before + 6);
  });

  test('spans with zero ids are rejected one by one and named in the 202 body', async () => {
    const before = collector.store.size;
    const good = batch(1);
    const res = await post(
      THRIFT,
      encodeJaegerBatch({ ...good, spans: [...good.spans, { traceIdLow: 0n, spanId: 5n, operationName: 'zero' }] }),
    );
    expect(res.status).toBe(202);
    expect(await res.text()).toBe(
      '[tracespec] rejected 1 span(s): span "zero": trace id is all zeros (traceIdHigh and traceIdLow are 0)',
    );
    expect(collector.store.size).toBe(before + 1);
  });

  test.each([
    ['application/json', 'application/json'],
    ['application/vnd.apache.thrift.compact', 'application/vnd.apache.thrift.compact'],
    ['no content type', ''],
  ])('wrong media type (%s): 415 naming what to send', async (_, type) => {
    const before = collector.store.size;
    const res = await post(type ? { 'content-type': type } : {}, encodeJaegerBatch(batch()));
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toBe('text/plain');
    expect(await res.text()).toBe(
      `[tracespec] Jaeger Thrift content type "${type}" is not supported; send a Thrift binary Batch (application/x-thrift or application/vnd.apache.thrift.binary).`,
    );
    await expectStillWorking(before);
  });

  test('truncated Thrift: 400, says where it broke off, stores nothing', async () => {
    const before = collector.store.size;
    const whole = encodeJaegerBatch(batch(3));
    const res = await post(THRIFT, whole.subarray(0, whole.length - 5));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(
      /^\[tracespec\] malformed Jaeger Thrift: the data ends in the middle of a value \(truncated payload\?\) at byte \d+ of \d+\. Nothing from this request was stored\.$/,
    );
    await expectStillWorking(before);
  });

  test('random bytes, Thrift compact, an emitBatch message instead of a bare Batch: 400', async () => {
    const before = collector.store.size;
    for (const body of [
      Buffer.from('{"spans": []}'),
      encodeJaegerBatch(batch(), 'compact'),
      encodeEmitBatch(batch(), 'binary'),
    ]) {
      const res = await post(THRIFT, body);
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/^\[tracespec\] malformed Jaeger Thrift: /);
    }
    await expectStillWorking(before);
  });

  test('GET, no token, too large, a gzip bomb: 405, 401, 413, 413', async () => {
    const before = collector.store.size;
    expect((await post(THRIFT, '', 'GET')).status).toBe(405);
    const anonymous = await fetch(collector.endpoints.jaeger, {
      method: 'POST',
      headers: THRIFT,
      body: encodeJaegerBatch(batch()),
    });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toMatch(/requires a bearer token and got no authorization header/);
    const huge = await post(THRIFT, Buffer.alloc(MAX + 1));
    expect(huge.status).toBe(413);
    const bomb = await post({ ...THRIFT, 'content-encoding': 'gzip' }, gzipSync(Buffer.alloc(8 * MAX)));
    expect(bomb.status).toBe(413);
    expect(await bomb.text()).toContain('decompressed body is larger than maxBodyBytes');
    await expectStillWorking(before);
  });
});

describe('the agent ports (UDP) count and name what they refuse, and keep working', () => {
  const send = (protocol: 'compact' | 'binary', datagrams: readonly Uint8Array[]) => {
    const agent = collector.endpoints.jaegerAgent;
    const port = protocol === 'compact' ? agent?.compactPort : agent?.binaryPort;
    return sendDatagrams(agent?.host ?? '', port ?? 0, datagrams);
  };

  test('truncated, random, empty, a Batch without the message, another message: refused whole, each named', async () => {
    const before = collector.store.size;
    const start = stats('binary');
    const whole = encodeEmitBatch(batch(2), 'binary');
    const datagrams = [
      whole.subarray(0, whole.length - 4),
      Buffer.from('not thrift at all'),
      Buffer.alloc(0),
      encodeJaegerBatch(batch()),
      encodeEmitBatch(batch(), 'binary', { name: 'submitBatches' }),
    ];
    await send('binary', datagrams);
    await expect.poll(() => stats('binary').received).toBe(start.received + datagrams.length);
    const after = stats('binary');
    expect(after.refused - start.refused).toBe(datagrams.length);
    expect(after.stored).toBe(start.stored);
    expect(after.problems.slice(start.problems.length)).toEqual([
      expect.stringMatching(
        /^a datagram of \d+ bytes from 127\.0\.0\.1:\d+ is not a Thrift binary emitBatch message: the data ends in the middle of a value \(truncated payload\?\) at byte \d+ of \d+\.$/,
      ),
      expect.stringMatching(/^a datagram of 17 bytes .* is not a Thrift binary emitBatch message: /),
      expect.stringMatching(/^a datagram of 0 bytes .* is not a Thrift binary emitBatch message: the data ends/),
      expect.stringMatching(/^a datagram of \d+ bytes .* is not a Thrift binary emitBatch message: /),
      expect.stringMatching(/got a message named "submitBatches"\.$/),
    ]);
    await expectStillWorking(before);
  });

  test('a datagram over the agent limit (65000 bytes) is refused with what to do; a raised limit reads it', async () => {
    const before = collector.store.size;
    const big: TestBatch = {
      serviceName: 'big',
      spans: [{ traceIdLow: BigInt(next++), spanId: 1n, tags: [str('payload', 'x'.repeat(65_100))] }],
    };
    const datagram = encodeEmitBatch(big, 'compact');
    expect(datagram.length).toBeGreaterThan(65_000);
    expect(datagram.length).toBeLessThanOrEqual(65_507);
    const refusedBefore = stats('compact').refused;
    await send('compact', [datagram]);
    await expect.poll(() => stats('compact').refused).toBe(refusedBefore + 1);
    expect(stats('compact').problems.join('\n')).toContain(`a datagram of ${datagram.length} bytes from 127.0.0.1:`);
    expect(stats('compact').problems.join('\n')).toContain(
      "is larger than maxDatagramBytes (65000, the Jaeger agent's limit) and was not read. Lower the client's maximum packet size, or raise startCollector({ jaegerMaxDatagramBytes }).",
    );
    await expectStillWorking(before);

    await using roomy = await startCollector({ grpc: false, jaegerMaxDatagramBytes: 65_507 });
    await sendDatagrams('127.0.0.1', roomy.endpoints.jaegerAgent?.compactPort ?? 0, [datagram]);
    await expect.poll(() => roomy.store.size).toBe(1);
  });

  test('a datagram with good and bad spans: the good stored, the bad counted and named', async () => {
    const good = batch(1);
    const start = stats('compact');
    await send('compact', [
      encodeEmitBatch(
        { ...good, spans: [...good.spans, { traceIdLow: 9n, spanId: 0n, operationName: 'no id' }] },
        'compact',
      ),
    ]);
    await expect.poll(() => stats('compact').received).toBe(start.received + 1);
    expect(stats('compact')).toMatchObject({ stored: start.stored + 1, rejectedSpans: start.rejectedSpans + 1 });
    expect(stats('compact').problems).toContainEqual(
      expect.stringMatching(/^from 127\.0\.0\.1:\d+: span "no id": span id is all zeros$/),
    );
  });
});

describe('options', () => {
  test('jaegerAgent: false starts no UDP port and leaves JAEGER_AGENT_* out; asking for UDP then is an error', async () => {
    await using off = await startCollector({ grpc: false, jaegerAgent: false });
    expect(off.endpoints.jaegerAgent).toBeUndefined();
    expect(off.jaegerAgentStats()).toEqual([]);
    const env = off.env({ serviceName: 'x' });
    expect(env.JAEGER_ENDPOINT).toBe(off.endpoints.jaeger);
    expect(env.JAEGER_AGENT_PORT).toBeUndefined();
    expect(() => off.env({ jaegerSender: 'udp-compact' })).toThrow(
      '[tracespec] collector.env({ jaegerSender: "udp-compact" }) needs the Jaeger agent ports; start the collector without jaegerAgent: false.',
    );
  });

  test('chosen ports are used; a taken one is a clear error; jaegerSender picks the variables', async () => {
    await using first = await startCollector({ grpc: false });
    const compactPort = first.endpoints.jaegerAgent?.compactPort ?? 0;
    await expect(startCollector({ grpc: false, jaegerCompactPort: compactPort })).rejects.toThrow(
      `[tracespec] the Jaeger agent (Thrift compact) could not listen on udp 127.0.0.1:${compactPort}: bind EADDRINUSE 127.0.0.1:${compactPort}. Pick another port, or start the collector with jaegerAgent: false.`,
    );
    const binaryPort = first.endpoints.jaegerAgent?.binaryPort ?? 0;
    await first.stop();
    await using second = await startCollector({
      grpc: false,
      jaegerCompactPort: compactPort,
      jaegerBinaryPort: binaryPort,
    });
    expect(second.endpoints.jaegerAgent?.compactPort).toBe(compactPort);
    expect(second.endpoints.jaegerAgent?.binaryPort).toBe(binaryPort);
    const binary = second.env({ jaegerSender: 'udp-binary' });
    expect(binary.JAEGER_ENDPOINT).toBeUndefined();
    expect(binary.JAEGER_AGENT_PORT).toBe(String(second.endpoints.jaegerAgent?.binaryPort));
    expect(second.env({ jaegerSender: 'udp-compact' }).JAEGER_AGENT_PORT).toBe(String(compactPort));
    await expect(startCollector({ jaegerMaxDatagramBytes: 70_000 })).rejects.toThrow(
      '[tracespec] jaegerMaxDatagramBytes must be between 1 and 65535 bytes',
    );
  });
});
