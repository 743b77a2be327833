import { describe, expect, test } from 'vitest';
import { TracedContainer, TracedEnvironment, TracedProcess } from '../../../src/containers/index.ts';

describe('traced service builders', () => {
  test('collect settings through chained calls', () => {
    const builder = new TracedProcess('node', ['x.js'])
      .withServiceName('orders')
      .withPort(4000)
      .withEnvironment({ A: '1' })
      .withEnvironment({ B: '2' })
      .withLink('INVENTORY_URL', 'inventory')
      .withReadyPath('health')
      .withFlushTimeout(1_000)
      .withBatchDelay(10);
    expect(builder.settings).toMatchObject({
      serviceName: 'orders',
      port: 4000,
      environment: { A: '1', B: '2' },
      links: { INVENTORY_URL: 'inventory' },
      readyPath: '/health',
      flushTimeoutMs: 1_000,
      batchDelayMs: 10,
    });
  });

  test('refuse a service name that cannot be a host name', () => {
    expect(() => new TracedContainer('img').withServiceName('my orders')).toThrow(
      /withServiceName\(\) got "my orders"/,
    );
  });

  test('ask for a service name before starting', async () => {
    await expect(new TracedProcess('node').start()).rejects.toThrow(
      "[tracespec] TracedProcess has no service name; call .withServiceName('orders') before start().",
    );
  });

  test('ask a container for the port its service listens on', async () => {
    await expect(new TracedContainer('img').withServiceName('orders').start()).rejects.toThrow(/needs the port/);
  });

  test('an environment refuses duplicate names and mixed kinds before starting anything', async () => {
    const twice = new TracedEnvironment()
      .withService(new TracedProcess('node').withServiceName('a'))
      .withService(new TracedProcess('node').withServiceName('a'));
    await expect(twice.start()).rejects.toThrow(/two services of the environment are named "a"/);
    const mixed = new TracedEnvironment()
      .withService(new TracedProcess('node').withServiceName('a'))
      .withService(new TracedContainer('img').withServiceName('b'));
    await expect(mixed.start()).rejects.toThrow(/either containers or processes, not both/);
  });
});
