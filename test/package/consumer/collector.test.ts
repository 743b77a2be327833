// A service in a child process, set up by `node --import tracespec/service`, exporting to tracespec's collector:
// its spans join the trace the test started.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Collector, startCollector } from 'tracespec/otlp';
import { traces } from 'tracespec/vitest';
import { afterAll, beforeAll, expect, test } from 'vitest';

let collector: Collector;
beforeAll(async () => {
  collector = await startCollector({ grpc: false });
});
afterAll(() => collector.stop());

test('the service’s server span is a child of the test’s client span', async () => {
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(
    process.execPath,
    ['--import', 'tracespec/service', fileURLToPath(new URL('./services/orders.mjs', import.meta.url))],
    { env: { ...process.env, ...collector.env({ serviceName: 'orders' }), PORT: String(port) }, stdio: 'pipe' },
  );
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  try {
    await expect
      .poll(
        () =>
          fetch(`http://127.0.0.1:${port}/health`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 20_000 },
      )
      .toBe(200);
    await fetch(`http://127.0.0.1:${port}/orders`, { method: 'POST' });
    await expect(traces()).toEventuallyHaveSpan({ service: 'orders', kind: 'server' }, { timeout: 10_000 });
    expect(traces()).toPropagate({ from: 'consumer', to: 'orders' });
    expect(output).toContain('[tracespec/service] orders: spans ->');
  } finally {
    child.kill('SIGTERM');
  }
});
