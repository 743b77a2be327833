import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { renderSnapshot } from 'tracespec';
import { setupTracing, snapshotOf, traces } from 'tracespec/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

setupTracing({ serviceName: 'shop', instrumentations: [new HttpInstrumentation(), new UndiciInstrumentation()] });

const DOWNSTREAM = ['/stock', '/price', '/shipping'] as const;
type Path = (typeof DOWNSTREAM)[number];

/** One checkout: the gateway calls the three services at once; each answers only when the test opens its gate. */
interface Round {
  readonly arrived: Set<Path>;
  readonly gates: Map<Path, () => void>;
  readonly finished: Path[];
  onChange: () => void;
}

let round: Round | undefined;
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  server = http.createServer((req, res) => void handle(req, res));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await once(server, 'close');
});

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const current = round as Round;
  if (req.url === '/checkout') {
    // The calls start in the order of the round's start permutation and end in the order the gates open.
    const order = (req.headers['x-start-order'] as string).split(',') as Path[];
    await Promise.all(
      order.map(async (path) => {
        const response = await fetch(`${baseUrl}${path}`);
        await response.text();
        current.finished.push(path);
        current.onChange();
      }),
    );
    res.end('ok');
    return;
  }
  const path = req.url as Path;
  await new Promise<void>((resolve) => {
    current.gates.set(path, resolve);
    current.arrived.add(path);
    current.onChange();
  });
  res.end(path);
}

function until(condition: () => boolean): Promise<void> {
  const current = round as Round;
  return new Promise((resolve) => {
    const check = () => {
      if (condition()) resolve();
    };
    current.onChange = check;
    check();
  });
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

const ORDERS = permutations(DOWNSTREAM);
const RUNS = 20;
const renderings: string[] = [];
const finishOrders = new Set<string>();

describe('a snapshot of concurrent calls is byte-identical whatever order they finish in', () => {
  test.for(Array.from({ length: RUNS }, (_, i) => i))('run %i', async (i) => {
    const finishOrder = ORDERS[i % ORDERS.length] as Path[];
    const startOrder = ORDERS[(i * 5 + 1) % ORDERS.length] as Path[];
    round = { arrived: new Set(), gates: new Map(), finished: [], onChange: () => {} };
    const current = round;
    const checkout = fetch(`${baseUrl}/checkout`, { headers: { 'x-start-order': startOrder.join(',') } });
    await until(() => current.arrived.size === DOWNSTREAM.length);
    for (const [n, path] of finishOrder.entries()) {
      current.gates.get(path)?.();
      await until(() => current.finished.length === n + 1);
    }
    expect(await (await checkout).text()).toBe('ok');
    expect(current.finished).toEqual(finishOrder);
    finishOrders.add(current.finished.join(','));

    const text = renderSnapshot(snapshotOf(traces()));
    renderings.push(text);
    await expect(traces()).toMatchFileSnapshot('./__snapshots__/concurrent-checkout.trace.txt');
  });

  test('every run finished the calls in another order and printed the same bytes', () => {
    expect(renderings).toHaveLength(RUNS);
    expect(finishOrders.size).toBe(ORDERS.length);
    expect(new Set(renderings).size).toBe(1);
  });
});
