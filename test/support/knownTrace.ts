import type { Attributes, Span, SpanEvent, SpanKind, SpanLink, SpanStatus } from 'tracespec';
import { isConnected, TraceSet } from 'tracespec';
import type { TracePageInput } from '../../src/render/html/TracePageInput.ts';

// A known checkout, fixed to the nanosecond, for the page's browser tests and screenshots: gateway calls orders
// and payments; orders calls inventory without sending trace context (so inventory's spans start a second trace);
// payments' clock runs 5ms behind (its server span starts before its caller's client span); the card charge fails
// with an exception; a consumer span links to the producer span of the order.

const A = '4bf92f3577b34da6a3ce929d0e0e4736';
const B = '5f0c9a1e2d3b4c5d6e7f8091a2b3c4d5';
const ORIGIN = 1_764_590_400_000_000_000n; // 2025-12-01T12:00:00Z

interface Input {
  readonly trace?: string;
  readonly id: string;
  readonly parent?: string;
  readonly service: string;
  readonly kind?: SpanKind;
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly attributes?: Attributes;
  readonly events?: readonly SpanEvent[];
  readonly links?: readonly SpanLink[];
  readonly status?: SpanStatus;
}

const at = (ms: number) => ORIGIN + BigInt(Math.round(ms * 1000)) * 1000n;

function span(input: Input): Span {
  const start = at(input.start);
  const end = at(input.end);
  return {
    traceId: input.trace ?? A,
    spanId: input.id,
    ...(input.parent ? { parentSpanId: input.parent } : {}),
    name: input.name,
    kind: input.kind ?? 'internal',
    startTimeUnixNano: start,
    endTimeUnixNano: end,
    durationNano: end - start,
    durationMs: input.end - input.start,
    attributes: input.attributes ?? {},
    events: input.events ?? [],
    links: input.links ?? [],
    status: input.status ?? { code: 'unset' },
    service: input.service,
    resource: {
      'service.name': input.service,
      'service.instance.id': `${input.service}-1`,
      'telemetry.sdk.language': 'nodejs',
    },
    scope: { name: '@opentelemetry/instrumentation-http', version: '0.223.0' },
    ended: true,
    source: 'test',
  };
}

/** The spans of the known checkout (two traces, 13 spans). */
export function knownSpans(): Span[] {
  return [
    span({
      id: '00f067aa0ba902b7',
      service: 'shop',
      kind: 'client',
      name: 'POST',
      start: 0,
      end: 140,
      attributes: { 'http.request.method': 'POST', 'url.full': 'http://gateway:3000/checkout?item=book' },
    }),
    span({
      id: '1a2b3c4d5e6f7081',
      parent: '00f067aa0ba902b7',
      service: 'gateway',
      kind: 'server',
      name: 'POST /checkout',
      start: 3,
      end: 137,
      attributes: {
        'http.request.method': 'POST',
        'http.route': '/checkout',
        'url.path': '/checkout',
        'http.response.status_code': 201,
        'http.request.header.authorization': 'Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.sig',
      },
    }),
    span({
      id: '2b3c4d5e6f708192',
      parent: '1a2b3c4d5e6f7081',
      service: 'gateway',
      kind: 'client',
      name: 'GET',
      start: 8,
      end: 60,
      attributes: { 'server.address': 'orders', 'url.full': 'http://orders:3000/orders/new' },
    }),
    span({
      id: '3c4d5e6f708192a3',
      parent: '2b3c4d5e6f708192',
      service: 'orders',
      kind: 'server',
      name: 'GET /orders/new',
      start: 10,
      end: 58,
      attributes: { 'http.route': '/orders/new', 'url.path': '/orders/new', 'http.response.status_code': 200 },
    }),
    span({
      id: '4d5e6f708192a3b4',
      parent: '3c4d5e6f708192a3',
      service: 'orders',
      name: 'validate cart',
      start: 12,
      end: 15,
      attributes: { 'cart.items': 1 },
    }),
    span({
      id: '5e6f708192a3b4c5',
      parent: '3c4d5e6f708192a3',
      service: 'orders',
      kind: 'client',
      name: 'GET',
      start: 16,
      end: 50,
      attributes: {
        'http.request.method': 'GET',
        'server.address': 'inventory',
        'url.full': 'http://inventory:3000/stock/book',
        'http.response.status_code': 200,
      },
    }),
    span({
      id: '6f708192a3b4c5d6',
      parent: '3c4d5e6f708192a3',
      service: 'orders',
      kind: 'producer',
      name: 'publish order',
      start: 51,
      end: 54,
      attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': 'orders' },
    }),
    span({
      id: '708192a3b4c5d6e7',
      parent: '1a2b3c4d5e6f7081',
      service: 'gateway',
      kind: 'client',
      name: 'POST',
      start: 62,
      end: 110,
      attributes: { 'server.address': 'payments', 'url.full': 'http://payments:3000/charge' },
      status: { code: 'error', message: 'HTTP 402' },
    }),
    span({
      id: '8192a3b4c5d6e7f8',
      parent: '708192a3b4c5d6e7',
      service: 'payments',
      kind: 'server',
      name: 'POST /charge',
      start: 58,
      end: 104,
      attributes: { 'http.route': '/charge', 'url.path': '/charge', 'http.response.status_code': 402 },
    }),
    span({
      id: '92a3b4c5d6e7f809',
      parent: '8192a3b4c5d6e7f8',
      service: 'payments',
      name: 'charge card',
      start: 66,
      end: 96,
      attributes: { 'payment.amount': 42, 'payment.currency': 'EUR' },
      status: { code: 'error', message: 'card declined' },
      events: [
        {
          name: 'exception',
          timeUnixNano: at(95),
          attributes: {
            'exception.type': 'CardDeclinedError',
            'exception.message': 'card declined',
            'exception.stacktrace':
              'CardDeclinedError: card declined\n    at charge (/app/payments.ts:41:11)\n    at handle (/app/payments.ts:18:5)',
          },
        },
      ],
    }),
    span({
      id: 'a3b4c5d6e7f8091a',
      parent: '1a2b3c4d5e6f7081',
      service: 'gateway',
      kind: 'consumer',
      name: 'record order',
      start: 112,
      end: 130,
      links: [{ traceId: A, spanId: '6f708192a3b4c5d6', attributes: { 'messaging.operation': 'receive' } }],
    }),
    span({
      trace: B,
      id: 'b4c5d6e7f8091a2b',
      service: 'inventory',
      kind: 'server',
      name: 'GET /stock/:sku',
      start: 18,
      end: 47,
      attributes: { 'http.route': '/stock/:sku', 'url.path': '/stock/book', 'http.response.status_code': 200 },
    }),
    span({
      trace: B,
      id: 'c5d6e7f8091a2b3c',
      parent: 'b4c5d6e7f8091a2b',
      service: 'inventory',
      kind: 'client',
      name: 'SELECT stock',
      start: 20,
      end: 40,
      attributes: { 'db.system': 'postgresql', 'db.query.text': 'SELECT qty FROM stock WHERE sku = $1' },
    }),
  ];
}

/** The known checkout as the failed test's page shows it: `toBeConnected` failed, naming orders -> inventory. */
export function knownPage(): TracePageInput {
  const traces = TraceSet.fromSpans(knownSpans());
  const result = isConnected(traces);
  return {
    title: 'checkout > is one connected trace',
    subtitle: 'examples/ci/lost-context.failing.ts',
    traces,
    failures: [{ message: `expect(traces).toBeConnected()\n\n${result.message()}`, marks: result.marks?.() }],
  };
}
