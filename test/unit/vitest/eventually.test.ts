import { SpanStore } from 'tracespec';
import { type Collector, startCollector } from 'tracespec/otlp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { failureOf } from '../../support/failure.ts';
import { encodeOtlpJson } from '../receive/support/encodeOtlp.ts';

let collector: Collector;
beforeAll(async () => {
  collector = await startCollector({ store: new SpanStore(), grpc: false });
});
afterAll(() => collector.stop());

/** Posts one span to the collector over real OTLP/HTTP JSON, like an exporter in another process would. */
function send(name: string, traceId: string): Promise<Response> {
  return fetch(`${collector.endpoints.otlpHttp}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: encodeOtlpJson([{ traceId, spanId: '1'.repeat(16), name }], 'late-service'),
  });
}

describe('toEventuallyHaveSpan', () => {
  test('waits for a span that is still on its way, then passes', async () => {
    const sending = send('arrives later', 'a1'.repeat(16));
    await expect(collector).toEventuallyHaveSpan({ name: 'arrives later', service: 'late-service' }, { timeout: 5000 });
    expect((await sending).status).toBe(200);
  });

  test('on timeout shows the last real failure with the tree', async () => {
    await send('something else', 'a2'.repeat(16));
    const error = await expect(collector)
      .toEventuallyHaveSpan({ name: 'never sent' }, { timeout: 100 })
      .then(
        () => undefined,
        (caught: unknown) => caught as Error,
      );
    expect(error).toBeInstanceOf(Error);
    const message = failureOf(() => {
      throw error;
    });
    expect(message).toMatch(/No matching span within 100ms \(\d+ checks\)\. The last check:/);
    expect(message).toContain('Expected: a span matching { name: "never sent" }');
    expect(message).toContain('late-service server "something else"');
  });

  test('.not watches the whole window and passes when the span never appears', async () => {
    const started = performance.now();
    await expect(collector).not.toEventuallyHaveSpan({ name: 'forbidden' }, { timeout: 150 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  test('.not fails as soon as the span appears, before the window ends', async () => {
    const sending = send('forbidden later', 'a3'.repeat(16));
    const started = performance.now();
    const error = await expect(collector)
      .not.toEventuallyHaveSpan({ name: 'forbidden later' }, { timeout: 3000 })
      .then(
        () => undefined,
        (caught: unknown) => caught as Error,
      );
    expect(performance.now() - started).toBeLessThan(3000);
    expect(error?.message).toMatch(/The span appeared after \d+ms \(the window was 3000ms\)/);
    await sending;
  });
});
