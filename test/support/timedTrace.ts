import { createHash } from 'node:crypto';
import { type Span as ApiSpan, trace as api, context, SpanKind } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { fromReadableSpan, type Span, Trace } from 'tracespec';

/** A span to create through the real SDK, with explicit times in milliseconds from the trace's start. */
export interface TimedSpan {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly kind?: 'internal' | 'server' | 'client';
  /** Service, for spans from another process (another resource, another clock). Default `app`. */
  readonly service?: string;
  readonly attributes?: Record<string, string | number>;
  readonly children?: readonly TimedSpan[];
}

/** An arbitrary fixed epoch (2023-11-14) so that times are exact and snapshots stable. */
export const EPOCH_SECONDS = 1_700_000_000;
export const EPOCH_NANOS = BigInt(EPOCH_SECONDS) * 1_000_000_000n;

const KINDS = { internal: SpanKind.INTERNAL, server: SpanKind.SERVER, client: SpanKind.CLIENT } as const;

/** Offset in ms (may have a fraction down to 1ns) to an exact OpenTelemetry HrTime. */
export function hr(ms: number): [number, number] {
  const nanos = BigInt(Math.round(ms * 1e6));
  return [EPOCH_SECONDS + Number(nanos / 1_000_000_000n), Number(nanos % 1_000_000_000n)];
}

/** Milliseconds from the test epoch to ns since the Unix epoch. */
export function at(ms: number): bigint {
  return EPOCH_NANOS + BigInt(Math.round(ms * 1e6));
}

/**
 * Records the spans through the OpenTelemetry SDK (one provider per service, so each service has its own
 * resource) with explicit start and end times, and returns the trace and a lookup by span name.
 */
export function timedTrace(
  root: TimedSpan,
  // Derived from the spans, so stable across runs (snapshots) yet different for different traces: a span finds
  // its trace through Trace.containing(), which keeps the latest trace built per trace id.
  traceId = createHash('md5').update(JSON.stringify(root)).digest('hex'),
): { trace: Trace; span: (name: string) => Span } {
  const exporter = new InMemorySpanExporter();
  // Fixed ids keep failure-message snapshots stable.
  let spans = 0;
  const idGenerator = {
    generateTraceId: () => traceId,
    generateSpanId: () => (++spans).toString(16).padStart(16, '0'),
  };
  const providers = new Map<string, TracerProvider>();
  const tracerFor = (service: string) => {
    let provider = providers.get(service);
    if (!provider) {
      provider = new TracerProvider({
        resource: resourceFromAttributes({ 'service.name': service, 'service.instance.id': service }),
        spanProcessors: [new SimpleSpanProcessor({ exporter })],
        idGenerator,
      });
      providers.set(service, provider);
    }
    return provider.getTracer('tracespec-test');
  };
  const record = (spec: TimedSpan, parent: ApiSpan | undefined) => {
    const ctx = parent ? api.setSpan(context.active(), parent) : context.active();
    const span = tracerFor(spec.service ?? 'app').startSpan(
      spec.name,
      { startTime: hr(spec.start), kind: KINDS[spec.kind ?? 'internal'], attributes: spec.attributes ?? {} },
      ctx,
    );
    for (const child of spec.children ?? []) record(child, span);
    span.end(hr(spec.end));
  };
  record(root, undefined);
  const trace = Trace.of(exporter.getFinishedSpans().map((readable) => fromReadableSpan(readable)));
  return {
    trace,
    span: (name) => {
      const found = trace.spans.find((span) => span.name === name);
      if (!found) throw new Error(`test setup: no span named ${name}`);
      return found;
    },
  };
}
