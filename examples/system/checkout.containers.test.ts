// Three real services in containers (gateway -> orders -> inventory), built without a registry and wired to
// tracespec's collector. The test's own fetch starts the trace, so the spans of all three containers belong to
// this test: `traces()` sees them as they arrive.

import { deep, span } from 'tracespec';
import { hostGatewayAddress, type StartedTracedEnvironment } from 'tracespec/containers';
import { type Collector, startCollector } from 'tracespec/otlp';
import { snapshotOf, traces } from 'tracespec/vitest';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { exampleSystem } from '../services/system.ts';

const wait = { timeout: 20_000 };
let collector: Collector;
let system: StartedTracedEnvironment;

describe.skipIf(!inject('docker').available)('checkout across three containers', () => {
  beforeAll(async () => {
    // Containers reach the host through the Docker bridge gateway, so the collector listens there.
    collector = await startCollector({ host: await hostGatewayAddress(), grpc: false });
    system = await exampleSystem({ mode: 'container', exporter: collector }).start();
  });
  afterAll(async () => {
    await system?.stop();
    await collector?.stop();
  });

  test('the happy path: one connected trace through every service', async () => {
    const response = await fetch(`${system.url('gateway')}/checkout?item=book`);
    expect(response.status).toBe(201);
    // Spans arrive from three processes, each exporting on its own timer: wait for the background step and for
    // the trace to be whole (every parent arrived) instead of sleeping.
    await expect(traces()).toEventuallyHaveSpan({ name: 'orders.record', service: 'orders' }, wait);
    await expect(traces()).toEventuallyHaveSpan({ name: 'inventory.lookup', service: 'inventory' }, wait);
    await expect.poll(() => traces(), wait).toBeConnected();

    expect(traces()).toPropagate({ from: 'gateway', to: 'orders' });
    expect(traces()).toPropagate({ from: 'orders', to: 'inventory' });
    expect(traces()).toHaveServiceGraph(['shop -> gateway', 'gateway -> orders', 'orders -> inventory'], {
      exact: true,
    });
    expect(traces()).toHaveSpanTree(
      span({ service: 'gateway', kind: 'server' }, [
        deep({ service: 'orders', kind: 'server' }, [
          deep({ service: 'inventory', name: 'inventory.lookup' }),
          span({ name: 'orders.record' }),
        ]),
      ]),
    );
    // A timing budget for the whole checkout, as seen by the gateway.
    expect(traces()).toHaveDuration('[service=gateway][kind=server]', { under: '2s' });
    expect(traces()).toHaveNoErrors();
    // Starting the services (Docker API calls, image builds, readiness probes) left no span in the collector.
    const plumbing = collector.store.traceSet({ unowned: true }).spans;
    expect(plumbing.map((span) => `${span.service} ${span.kind} ${span.attributes['url.full'] ?? span.name}`)).toEqual(
      [],
    );
    // The shape of the trace, stable across runs: ids and times are left out, ports and addresses redacted, and
    // only the attributes that matter to this test are kept.
    expect(
      snapshotOf(traces(), {
        attributes: {
          include: ['http.request.method', 'url.path', 'http.response.status_code', /^(inventory|order)\./],
        },
      }),
    ).toMatchSnapshot();
  });

  test('an error in inventory propagates up with its status and exception event', async () => {
    const response = await fetch(`${system.url('gateway')}/checkout?item=crash`);
    expect(response.status).toBe(502);
    for (const service of ['gateway', 'orders', 'inventory']) {
      await expect(traces()).toEventuallyHaveSpan({ service, kind: 'server' }, wait);
    }
    await expect(traces()).toEventuallyHaveSpan({ name: 'inventory.lookup' }, wait);

    const lookup = traces().findOne('[service=inventory] inventory.lookup');
    expect(lookup).toHaveStatus({ code: 'error', message: 'stock database unavailable' });
    expect(lookup).toHaveEvent({
      name: 'exception',
      attributes: { 'exception.message': 'stock database unavailable' },
    });
    // Each HTTP hop on the way back up recorded the failure.
    expect(traces()).toHaveSpan('[service=inventory][kind=server][http.response.status_code=500]');
    expect(traces()).toHaveSpan('[service=orders][kind=server][http.response.status_code=502]');
    expect(traces()).not.toHaveNoErrors();
  });
});

describe.skipIf(!inject('docker').available)('a service that drops propagation', () => {
  let brokenCollector: Collector;
  let broken: StartedTracedEnvironment;
  beforeAll(async () => {
    brokenCollector = await startCollector({ host: await hostGatewayAddress(), grpc: false });
    broken = await exampleSystem({ mode: 'container', exporter: brokenCollector, dropPropagation: ['orders'] }).start();
  });
  afterAll(async () => {
    await broken?.stop();
    await brokenCollector?.stop();
  });

  test('toBeConnected names the hop that lost the context', async () => {
    await fetch(`${broken.url('gateway')}/checkout?item=book`);
    await expect(traces()).toEventuallyHaveSpan({ service: 'gateway', kind: 'client' }, wait);
    await expect(traces()).toEventuallyHaveSpan({ service: 'orders', kind: 'client' }, wait);
    // inventory's spans split off into a trace of their own: wait for it among the test's strays (the traces nobody
    // claimed while the test ran). Waiting on the collector would not do: it still holds the earlier tests' spans.
    await expect.poll(() => traces().strays(), wait).toHaveSpan({ service: 'inventory', kind: 'server' });

    expect(traces()).not.toBeConnected();
    // The recording tap on the orders -> inventory link saw the request go out without any trace context, so the
    // message names the side that lost it, and shows the request as it crossed the wire.
    expect(() => expect(traces()).toBeConnected()).toThrow(
      /orders -> inventory: orders sent no trace context on GET \/stock\/book \(answered 200\): the tap between them saw no traceparent, b3, X-B3-\* or uber-trace-id header; inventory's server span "GET" started a new trace \([0-9a-f]{32}\)[\s\S]*On the wire \(recording taps\):\n {2}1\. orders -> inventory GET \/stock\/book \(answered 200\): no propagation header/,
    );
    expect(traces()).not.toPropagate({ from: 'orders', to: 'inventory' });
  });
});
