// OpenTelemetry set-up shared by the example services. Loaded before the service (bundled first, or --import),
// so that the http instrumentation patches `node:http` before the service requires it.
import { type Context, propagation, type TextMapPropagator, type TextMapSetter } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/** Reads trace context from incoming requests but never writes it to outgoing ones: broken propagation. */
class ExtractOnlyPropagator implements TextMapPropagator {
  readonly #inner = new W3CTraceContextPropagator();
  inject(_context: Context, _carrier: unknown, _setter: TextMapSetter): void {}
  extract: TextMapPropagator['extract'] = (context, carrier, getter) => this.#inner.extract(context, carrier, getter);
  fields(): string[] {
    return [];
  }
}

const dropPropagation = process.env.DROP_TRACE_PROPAGATION === '1';

const provider = new NodeTracerProvider({
  resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME ?? 'unknown_service' }),
  spanProcessors: [
    new BatchSpanProcessor(new OTLPTraceExporter(), {
      // The 2.x batch processor no longer reads OTEL_BSP_SCHEDULE_DELAY itself.
      scheduledDelayMillis: Number(process.env.OTEL_BSP_SCHEDULE_DELAY ?? 5000),
    }),
  ],
});
provider.register({ propagator: new W3CTraceContextPropagator() });
if (dropPropagation) {
  propagation.disable();
  propagation.setGlobalPropagator(new ExtractOnlyPropagator());
}

registerInstrumentations({
  instrumentations: [
    new HttpInstrumentation({
      // Readiness probes are not part of any scenario.
      ignoreIncomingRequestHook: (request) => request.url === '/health',
    }),
  ],
});

// PID 1 in a container gets no default SIGTERM handler: flush, then exit, or the spans are lost on stop.
async function shutdown(): Promise<void> {
  await provider.shutdown().catch((error: Error) => console.error(`otel shutdown failed: ${error.message}`));
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
