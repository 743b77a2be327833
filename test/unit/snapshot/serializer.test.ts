import { readFile } from 'node:fs/promises';
import { trace as otel } from '@opentelemetry/api';
import { TraceSet } from 'tracespec';
import { configureTraceSnapshots, snapshotOf, test } from 'tracespec/vitest';
import { afterEach, describe, expect } from 'vitest';
import { failureOf } from '../../support/failure.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

const tracer = () => otel.getTracer('snapshot-test');

function placeOrder(): void {
  tracer().startActiveSpan(
    'place order',
    { attributes: { 'order.id': '3f2b8c1e-9a7d-4e2f-8b1a-0c9d8e7f6a5b' } },
    (span) => {
      tracer()
        .startSpan('INSERT orders', { kind: 2, attributes: { 'db.system': 'postgresql', 'server.port': 5432 } })
        .end();
      span.end();
    },
  );
}

afterEach(() => configureTraceSnapshots({}));

describe('the trace snapshot serializer', () => {
  test("prints the test's traces (the fixture) as their shape", ({ traces }) => {
    placeOrder();
    expect(traces).toMatchInlineSnapshot(`
      trace 1 (2 spans)
        test internal "place order"
          · order.id: "<uuid>"
          test client "INSERT orders"
            · db.system: "postgresql"
            · server.port: <port>
    `);
  });

  test('prints a Trace and a TraceSet the same way', ({ traces }) => {
    placeOrder();
    const set = traces.traceSet();
    const expected = `
      trace 1 (2 spans)
        test internal "place order"
          test client "INSERT orders"
    `;
    configureTraceSnapshots({ attributes: { include: [] } });
    expect(set).toMatchInlineSnapshot(expected);
    expect(traces.only()).toMatchInlineSnapshot(expected);
  });

  test('takes options per call with snapshotOf, over the configured ones', ({ traces }) => {
    placeOrder();
    configureTraceSnapshots({ attributes: { include: [] } });
    expect(snapshotOf(traces, { attributes: { include: ['db.system'] } })).toMatchInlineSnapshot(`
      trace 1 (2 spans)
        test internal "place order"
          test client "INSERT orders"
            · db.system: "postgresql"
    `);
  });

  test('writes .snap snapshots', ({ traces }) => {
    placeOrder();
    expect(traces).toMatchSnapshot();
  });

  test('writes file snapshots', async ({ traces }) => {
    placeOrder();
    await expect(traces).toMatchFileSnapshot('./__snapshots__/place-order.trace.txt');
    const saved = await readFile(new URL('./__snapshots__/place-order.trace.txt', import.meta.url), 'utf8');
    expect(saved).toContain('test client "INSERT orders"');
  });

  test('toMatchTraceSnapshot and toMatchTraceFileSnapshot store the same text', async ({ traces }) => {
    placeOrder();
    expect(traces).toMatchTraceSnapshot();
    await expect(traces).toMatchTraceFileSnapshot('./__snapshots__/place-order.trace.txt');
    expect(snapshotOf(traces, { events: false })).toMatchTraceInlineSnapshot(`
      trace 1 (2 spans)
        test internal "place order"
          · order.id: "<uuid>"
          test client "INSERT orders"
            · db.system: "postgresql"
            · server.port: <port>
    `);
  });

  test('does not change how toHaveSpan failures print', () => {
    const set = TraceSet.fromSpans([makeSpan({ name: 'a' })]);
    const message = failureOf(() => expect(set).toHaveSpan({ name: 'b' }));
    expect(message).toContain('test internal "a"');
    expect(message).not.toContain('trace 1 (1 span)');
  });
});
