import { type Span as ApiSpan, context, SpanKind, trace } from '@opentelemetry/api';

// A pretend shop for the examples in docs/timing.md: it records the spans a real checkout would, through the
// global tracer that tracespec installs, with explicit times (milliseconds after "now") so that every example
// is exact. The real-timing versions are in realCalls.test.ts and matchers.e2e.test.ts.

const tracer = () => trace.getTracer('shop');
const origin = Date.now() + 1_000;
const at = (ms: number) => origin + ms;

function record(
  name: string,
  [start, end]: readonly [number, number],
  parent?: ApiSpan,
  options: { kind?: SpanKind; attributes?: Record<string, string> } = {},
): ApiSpan {
  const ctx = parent ? trace.setSpan(context.active(), parent) : context.active();
  const span = tracer().startSpan(
    name,
    { startTime: at(start), kind: options.kind ?? SpanKind.INTERNAL, ...options },
    ctx,
  );
  span.end(at(end));
  return span;
}

const client = { kind: SpanKind.CLIENT };

/** POST /checkout calling stock, price and shipping, one by one or all at once. */
export async function checkout({ parallel }: { parallel: boolean }): Promise<void> {
  const calls: [string, [number, number]][] = parallel
    ? [
        ['GET /stock', [5, 30]],
        ['GET /price', [5, 40]],
        ['GET /shipping', [6, 33]],
      ]
    : [
        ['GET /stock', [5, 30]],
        ['GET /price', [30, 65]],
        ['GET /shipping', [66, 93]],
      ];
  const handler = tracer().startSpan('POST /checkout', { startTime: at(0), kind: SpanKind.SERVER });
  for (const [name, times] of calls) record(name, times, handler, client);
  handler.end(at(parallel ? 45 : 100));
}

/** GET /orders: one query for the orders, then one query per order (N+1), or one batched query. */
export async function listOrders({ batched }: { batched: boolean }): Promise<void> {
  const handler = tracer().startSpan('GET /orders', { startTime: at(0), kind: SpanKind.SERVER });
  const db = (statement: string) => ({
    ...client,
    attributes: { 'db.system': 'postgresql', 'db.query.text': statement },
  });
  record('SELECT orders', [1, 4], handler, db('SELECT * FROM orders'));
  if (batched) record('SELECT items', [4, 9], handler, db('SELECT * FROM items WHERE order_id = ANY($1)'));
  else
    for (const i of [0, 1, 2, 3])
      record('SELECT items', [4 + i * 3, 6 + i * 3], handler, db(`SELECT * FROM items WHERE order_id = ${i}`));
  handler.end(at(20));
}

/** A handler that starts sending an email and answers without waiting for it. */
export async function register(): Promise<void> {
  const handler = tracer().startSpan('POST /register', { startTime: at(0), kind: SpanKind.SERVER });
  record('INSERT users', [2, 8], handler, client);
  record('send welcome email', [9, 60], handler);
  handler.end(at(12));
}
