import { SpanStore } from '../../src/capture/SpanStore.ts';
import { startCollector } from '../../src/receive/startCollector.ts';
import { median } from '../measure.ts';
import { type Row, round } from '../Row.ts';

const SETTLE_MS = 50;
const ROUNDS = 25;

/** Row 6: time from the last span's arrival to `waitForTrace` resolving, minus the settle window. */
export const waiting: Row = async () => {
  const store = new SpanStore();
  const collector = await startCollector({ store, grpc: false });
  const overheads: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const traceId = (round + 1).toString(16).padStart(32, '0');
      const waited = collector.waitForTrace((trace) => trace.traceId === traceId && trace.size === 3, {
        timeout: 5_000,
        settle: SETTLE_MS,
      });
      for (const [i, parent] of [
        [1, undefined],
        [2, 1],
        [3, 1],
      ] as const) {
        await post(collector.endpoints.otlpHttp, traceId, i, parent);
      }
      const lastArrival = store.lastArrival;
      await waited;
      overheads.push(performance.now() - lastArrival - SETTLE_MS);
    }
  } finally {
    await collector.stop();
  }
  const value = median(overheads.slice(5));
  return [
    {
      id: '6',
      what: 'waitForTrace: last arrival to resolve, minus settle',
      anchor: 'the settle window itself (absolute target)',
      ratio: round(value),
      unit: 'ms',
      target: '< 20 ms',
      met: value < 20,
      figures: {
        'median overhead ms': round(value),
        'spread ms': `${round(Math.min(...overheads.slice(5)))}..${round(Math.max(...overheads.slice(5)))}`,
        'settle ms': SETTLE_MS,
      },
    },
  ];
};

async function post(base: string, traceId: string, span: number, parent: number | undefined): Promise<void> {
  const id = (n: number) => n.toString(16).padStart(16, '0');
  const body = {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'bench' } }] },
        scopeSpans: [
          {
            scope: { name: 'bench' },
            spans: [
              {
                traceId,
                spanId: id(span),
                ...(parent === undefined ? {} : { parentSpanId: id(parent) }),
                name: `span ${span}`,
                kind: 2,
                startTimeUnixNano: '1700000000000000000',
                endTimeUnixNano: '1700000000001000000',
              },
            ],
          },
        ],
      },
    ],
  };
  const response = await fetch(`${base}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`[bench] HTTP ${response.status}`);
}
