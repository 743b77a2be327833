import { SpanKind } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { TracerProvider } from '@opentelemetry/sdk-trace';
import { startCollector } from 'tracespec/otlp';
import { expect, test } from 'vitest';
import { SpanRecorder } from '../../../src/capture/SpanRecorder.ts';
import { runInScope } from '../../../src/capture/testScope.ts';
import { runScenario } from './support/runChild.ts';
import { shapeOf } from './support/shapeOf.ts';

test('in-process spans and spans received from child processes meet in one trace, owned by the test that started it', async () => {
  const recorder = new SpanRecorder();
  await using collector = await startCollector({ store: recorder.store });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'test-client' }),
    spanProcessors: [recorder],
  });
  const span = runInScope('test-42', () =>
    provider.getTracer('test').startSpan('checkout flow', { kind: SpanKind.CLIENT }),
  );
  const { traceId, spanId } = span.spanContext();
  // Two processes continue the request, one over OTLP/gRPC, one over Zipkin.
  await Promise.all([
    runScenario('grpc', { ...collector.env({ protocol: 'grpc' }), TRACEPARENT: `00-${traceId}-${spanId}-01` }),
    runScenario('zipkin', { ...collector.env(), TRACEPARENT: `00-${traceId}-${spanId}-01` }),
  ]);
  span.end();

  const received = await collector.waitForTrace({ rootName: 'checkout flow' }, { timeout: 5000, settle: 20 });
  expect(received.traceId).toBe(traceId);
  expect(new Set(received.spans.map((s) => s.source))).toEqual(new Set(['in-process', 'otlp-grpc', 'zipkin']));
  expect(shapeOf(received)[0]).toBe('test-client client checkout flow unset');
  const root = received.root;
  if (root === undefined) throw new Error('the received trace has no single root');
  expect(received.children(root).map((s) => `${s.source} ${s.name}`)).toEqual(
    expect.arrayContaining(['otlp-grpc POST /checkout', 'zipkin POST /checkout']),
  );
  expect(received.size).toBe(9);
  // The trace id was claimed by the test's scope in-process; the received spans belong to that test too.
  expect(recorder.store.traceSet({ scope: 'test-42' }).only().size).toBe(9);
});
