import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exampleSystem } from '../../../examples/services/system.ts';
import { StartedTracedProcess } from '../../../src/containers/index.ts';
import { isProcessAlive } from '../../../src/containers/isProcessAlive.ts';
import { startTraceRecorder, type TraceRecorder } from '../../support/startTraceRecorder.ts';
import { isCompleteCheckout, rootsOf, servicesOf, traceIdsOf } from '../../support/traceShape.ts';

// Same services, same API, no Docker: the loop for machines without an engine.
describe('the example system as child processes', () => {
  let recorder: TraceRecorder;

  beforeAll(async () => {
    recorder = await startTraceRecorder('127.0.0.1');
  });
  afterAll(() => recorder[Symbol.asyncDispose]());

  test('spans of all three processes reach the receiver as one connected trace', async () => {
    recorder.clear();
    await using system = await exampleSystem({ mode: 'process', exporter: recorder.exporter }).start();
    expect(system.network).toBeUndefined();
    expect(system.url('gateway')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const response = await fetch(`${system.url('gateway')}/checkout?item=book`);
    expect(response.status).toBe(201);

    const spans = await recorder.waitFor(isCompleteCheckout);
    expect(traceIdsOf(spans)).toHaveLength(1);
    expect(rootsOf(spans)).toEqual(['gateway:GET']);
  });

  test('a process that drops propagation splits the trace at its outgoing call', async () => {
    recorder.clear();
    await using system = await exampleSystem({
      mode: 'process',
      exporter: recorder.exporter,
      dropPropagation: ['gateway'],
    }).start();
    await fetch(`${system.url('gateway')}/checkout?item=book`);

    const spans = await recorder.waitFor(isCompleteCheckout);
    expect(rootsOf(spans).sort()).toEqual(['gateway:GET', 'orders:POST']);
  });

  test('stop() waits for the flush, and no service process outlives it', async () => {
    recorder.clear();
    const system = await exampleSystem({ mode: 'process', exporter: recorder.exporter, batchDelayMs: 60_000 }).start();
    const pids = system.services.flatMap((s) => (s instanceof StartedTracedProcess && s.pid ? [s.pid] : []));
    try {
      await fetch(`${system.url('gateway')}/checkout?item=book`);
      expect(recorder.spans).toHaveLength(0);
    } finally {
      await system.stop();
    }

    expect(pids).toHaveLength(3);
    expect(pids.filter(isProcessAlive)).toEqual([]);
    // The exporters answered before their processes exited: the spans are already here.
    expect(servicesOf(recorder.spans)).toEqual(['gateway', 'inventory', 'orders']);
  });
});
