import { isWellInstrumented, type Span, TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { failureOf } from '../../support/failure.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

function withResource(span: Span, resource: Span['resource']): Span {
  return {
    ...span,
    resource,
    service: typeof resource['service.name'] === 'string' ? resource['service.name'] : 'unknown_service',
  };
}

describe('toBeWellInstrumented: ids in span names, floods of tiny spans, missing service.name', () => {
  test('routes and templates pass; ids in names fail, each named', () => {
    const good = TraceSet.fromSpans([
      makeSpan({ name: 'GET /orders/:id', kind: 'server', service: 'orders' }),
      makeSpan({ name: 'SELECT shop.orders', kind: 'client', service: 'orders' }),
      makeSpan({ name: 'GET /api/v2/items', kind: 'server', service: 'orders' }),
    ]);
    expect(good).toBeWellInstrumented();
    for (const [name, id] of [
      ['GET /orders/8412', '8412'],
      ['GET /users/3f2a9c1e-8b7d-4e2f-9a1b-2c3d4e5f6a7b', '3f2a9c1e-8b7d-4e2f-9a1b-2c3d4e5f6a7b'],
      ['process job 4bf92f3577b34da6', '4bf92f3577b34da6'],
      ['GET /files/Zx81Kq2mN7pL0aB4cD9eF3gH', 'Zx81Kq2mN7pL0aB4cD9eF3gH'],
    ] as const) {
      const message = failureOf(() =>
        expect(TraceSet.fromSpans([makeSpan({ name, kind: 'server', service: 'orders' })])).toBeWellInstrumented(),
      );
      expect(message).toContain(`[id-in-span-name]: its name holds an id (${JSON.stringify(id)})`);
    }
  });

  test('a flood of tiny internal spans under one parent; the limit and the size are options', () => {
    const parent = makeSpan({ spanId: '00000000000000aa', name: 'render', service: 'web', end: 40 });
    const children = Array.from({ length: 60 }, (_, i) =>
      makeSpan({
        parent,
        spanId: (0x100 + i).toString(16).padStart(16, '0'),
        name: 'getter',
        service: 'web',
        start: i * 0.5,
        end: i * 0.5 + 0.01,
      }),
    );
    const set = TraceSet.fromSpans([parent, ...children]);
    expect(failureOf(() => expect(set).toBeWellInstrumented())).toContain(
      'web internal "render" [tiny-span-flood]: 60 internal children shorter than 1ms (at most 50): "getter"; record them as events or one span',
    );
    expect(set).toBeWellInstrumented({ tinySpans: { atMost: 60 } });
    expect(set).toBeWellInstrumented({ tinySpans: { under: '5us' } });
    expect(set).toBeWellInstrumented({ skip: ['tiny-span-flood'] });
    expect(() => isWellInstrumented(set, { tinySpans: { atMost: -1 } })).toThrow(
      '[tracespec] tinySpans.atMost must be a whole number of spans (0 or more), not -1.',
    );
  });

  test('missing service.name or the SDK default, once per service; the message', () => {
    const set = TraceSet.fromSpans([
      withResource(makeSpan({ spanId: '0000000000000001', name: 'GET /a', kind: 'server' }), {}),
      withResource(makeSpan({ spanId: '0000000000000002', name: 'GET /b', kind: 'server' }), {}),
      withResource(makeSpan({ spanId: '0000000000000003', name: 'GET /orders/8412', kind: 'server' }), {
        'service.name': 'unknown_service:node',
      }),
    ]);
    expect(failureOf(() => expect(set).toBeWellInstrumented())).toMatchInlineSnapshot(`
      "expect(traces).toBeWellInstrumented()

      Expected: span names without ids, no flood of tiny internal spans, a service.name on every resource
      Received: 3 problems:
        1. unknown_service server "GET /a" [service-name]: its resource has no service.name: set OTEL_SERVICE_NAME or the resource
        2. unknown_service:node server "GET /orders/8412" [id-in-span-name]: its name holds an id ("8412"): one name per value; name it by its route or template
        3. unknown_service:node server "GET /orders/8412" [service-name]: its resource has service.name "unknown_service:node" (the SDK's default): set OTEL_SERVICE_NAME or the resource

      trace aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa (3 spans)
        unknown_service server "GET /a" 0us  ◀ 1
        unknown_service server "GET /b" 0us
        unknown_service:node server "GET /orders/8412" 0us  ◀ 2, 3"
    `);
    expect(set).toBeWellInstrumented({ skip: ['service-name', 'id-in-span-name'] });
  });
});
