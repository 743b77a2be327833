import { SpanStore } from 'tracespec';
import { type Collector, startCollector } from 'tracespec/otlp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeOtlpJson } from './support/encodeOtlp.ts';

let collector: Collector;
beforeAll(async () => {
  collector = await startCollector({ store: new SpanStore(), grpc: false });
});
afterAll(() => collector.stop());

/** Posts one root span over real OTLP/HTTP JSON, as an exporter in another process would. */
async function send(name: string, traceId: string, service: string): Promise<void> {
  const response = await fetch(`${collector.endpoints.otlpHttp}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: encodeOtlpJson([{ traceId, spanId: '1'.repeat(16), name }], service),
  });
  expect(response.status).toBe(200);
}

describe('collector.waitForTrace takes what the matchers take', () => {
  test('a span selector string: the trace that holds a matching span', async () => {
    await send('GET /price', 'b1'.repeat(16), 'pricing');
    await send('GET /stock', 'b2'.repeat(16), 'inventory');
    const trace = await collector.waitForTrace('[service=pricing]', { timeout: 5000, settle: 10 });
    expect(trace.traceId).toBe('b1'.repeat(16));
    const byName = await collector.waitForTrace('"GET /stock"', { timeout: 5000, settle: 10 });
    expect(byName.traceId).toBe('b2'.repeat(16));
  });

  test('a partial span, asymmetric matchers included', async () => {
    await send('POST /charge', 'b3'.repeat(16), 'payments');
    const trace = await collector.waitForTrace(
      { name: expect.stringMatching(/charge/), service: 'payments' },
      { timeout: 5000, settle: 10 },
    );
    expect(trace.traceId).toBe('b3'.repeat(16));
  });

  test('on timeout, says which span it waited for', async () => {
    await expect(collector.waitForTrace('[service=nowhere]', { timeout: 50, settle: 0 })).rejects.toThrow(
      /trace with a span matching selector "\[service=nowhere\]"/,
    );
    await expect(collector.waitForTrace({ name: 'never' }, { timeout: 50, settle: 0 })).rejects.toThrow(
      /trace with a span matching \{ name: "never" \}/,
    );
  });

  test('a bad selector or partial span fails at once, with the reason', async () => {
    await expect(collector.waitForTrace('[service=', { timeout: 5000 })).rejects.toThrow(/\[tracespec\]/);
    await expect(
      collector.waitForTrace({ nmae: 'typo' } as unknown as { name: string }, { timeout: 5000 }),
    ).rejects.toThrow(/unknown field `nmae`/);
    await expect(collector.waitForTrace(42 as unknown as string, { timeout: 5000 })).rejects.toThrow(
      /a span selector string or a partial span, got number/,
    );
  });

  test('{ rootName, service } still picks by root name and a service that took part', async () => {
    await send('checkout flow', 'b4'.repeat(16), 'shop');
    const trace = await collector.waitForTrace({ rootName: 'checkout flow', service: 'shop' }, { settle: 0 });
    expect(trace.traceId).toBe('b4'.repeat(16));
  });
});
