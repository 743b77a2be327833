import { scrypt } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { setupTracing, traces } from 'tracespec/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// The same handler as in realCalls.test.ts, but the way users run it: the global tracing that tracespec sets up,
// HTTP instrumentation making the spans, the per-test traces, and the matchers.
setupTracing({ serviceName: 'checkout', instrumentations: [new HttpInstrumentation()] });

const servers: http.Server[] = [];
let checkoutUrl = '';

function get(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

async function listen(server: http.Server): Promise<string> {
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  // A few milliseconds of real work per call (longer than the SDK's 1ms start resolution), no timer.
  const inventoryUrl = await listen(
    http.createServer((req, res) => {
      scrypt(req.url ?? '', 'inventory', 32, { N: 2 ** 12 }, (error) => res.end(error ? 'error' : 'ok'));
    }),
  );
  checkoutUrl = await listen(
    http.createServer((req, res) => {
      const parallel = req.url?.includes('parallel') ?? false;
      const paths = ['/stock', '/price', '/shipping'];
      const work = parallel
        ? Promise.all(paths.map((path) => get(inventoryUrl + path)))
        : paths.reduce<Promise<string[]>>(
            async (done, path) => [...(await done), await get(inventoryUrl + path)],
            Promise.resolve([]),
          );
      work.then(
        (answers) => res.end(JSON.stringify(answers)),
        (error: unknown) => res.end(String(error)),
      );
    }),
  );
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
});

const downstream = { kind: 'client', parent: { kind: 'server' } } as const;
const call = (path: string) => ({ kind: 'client' as const, attributes: { 'url.full': new RegExp(`${path}$`) } });
const allThree = [call('/stock'), call('/price'), call('/shipping')];

async function checkout(mode: 'sequential' | 'parallel') {
  expect(JSON.parse(await get(`${checkoutUrl}/checkout?mode=${mode}`))).toEqual(['ok', 'ok', 'ok']);
  // The handler's server span ends as its answer is flushed: wait for it, with a deadline.
  await expect.poll(() => traces()).toHaveSpan({ kind: 'server', parent: { kind: 'client', parent: null } });
}

describe('three downstream calls, on real instrumented HTTP spans', () => {
  test('one by one: in sequence, not in parallel, all three on the critical path', async () => {
    await checkout('sequential');
    expect(traces()).toHaveSpan(downstream, { times: 3 });
    expect(traces()).toRunInSequence(downstream);
    expect(traces()).not.toRunInParallel(downstream);
    expect(traces()).toHaveCriticalPath(allThree, { exact: false });
    expect(traces()).toHaveSpansWithinParents();
    expect(traces()).toHaveDuration(downstream, { under: '10s' });
    const [stock, price] = traces().find('[kind=client]:not(:root)');
    if (!stock || !price) throw new Error('expected the stock and price calls');
    expect(price).toStartAfterEndOf(stock);
    expect(price).not.toOverlap(stock);
    // Three instrumented calls of one shape under one handler: the N+1 check sees them.
    expect(traces()).not.toHaveNoRepeatedSpans(downstream);
    expect(traces()).toHaveNoRepeatedSpans(downstream, { max: 3 });
  });

  test('all at once: in parallel, not in sequence, one call on the critical path', async () => {
    await checkout('parallel');
    expect(traces()).toHaveSpan(downstream, { times: 3 });
    expect(traces()).toRunInParallel(downstream);
    expect(traces()).not.toRunInSequence(downstream);
    expect(traces()).not.toHaveCriticalPath(allThree, { exact: false });
    expect(traces()).toHaveSpansWithinParents();
  });
});
