// A downstream service in its own process whose clock is off by SKEW_MS (negative: behind), like a container
// with a skewed clock. It records a SERVER span per request (child of the caller's traceparent) and answers with
// that span, serialized, so the test can put it into the caller's trace. Prints "PORT <n>" when listening.
import { scrypt } from 'node:crypto';
import { createServer } from 'node:http';
import { context, defaultTextMapGetter, SpanKind } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';

const skew = Number(process.env.SKEW_MS ?? '0');
const exporter = new InMemorySpanExporter();
const tracer = new TracerProvider({
  resource: resourceFromAttributes({ 'service.name': 'inventory', 'process.pid': process.pid }),
  spanProcessors: [new SimpleSpanProcessor({ exporter })],
}).getTracer('skewed-inventory');
const propagator = new W3CTraceContextPropagator();
const now = () => Date.now() + skew;

const server = createServer((req, res) => {
  const parent = propagator.extract(context.active(), req.headers, defaultTextMapGetter);
  const span = tracer.startSpan(`GET ${req.url}`, { kind: SpanKind.SERVER, startTime: now() }, parent);
  req.resume();
  req.on('end', () => {
    scrypt(req.url ?? '', 'inventory', 32, { N: 2 ** 12 }, () => {
      span.end(now());
      const [finished] = exporter
        .getFinishedSpans()
        .filter((item) => item.spanContext().spanId === span.spanContext().spanId);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(serialize(finished)));
    });
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`PORT ${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));

function serialize(span) {
  return {
    name: span.name,
    kind: span.kind,
    spanContext: span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status: span.status,
    attributes: span.attributes,
    links: [],
    events: [],
    ended: span.ended,
    resource: { attributes: span.resource.attributes },
    instrumentationScope: span.instrumentationScope,
  };
}
