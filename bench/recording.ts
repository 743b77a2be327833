import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { SpanRecorder } from '../src/capture/SpanRecorder.ts';

/** Spans created and ended per task iteration. */
export const SPANS_PER_ITERATION = 1_000;

type Setup = { run: () => void; reset: () => void };

/** A tracer whose spans go through one processor set-up; `run` makes 1 000 spans, `reset` frees what was kept. */
export function recordingSetups(): Record<'tracespec' | 'inMemoryExporter' | 'noProcessor', Setup> {
  const recorder = new SpanRecorder();
  const exporter = new InMemorySpanExporter();
  const providers = {
    tracespec: { provider: new BasicTracerProvider({ spanProcessors: [recorder] }), reset: () => recorder.store.clear() },
    inMemoryExporter: {
      provider: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
      reset: () => exporter.reset(),
    },
    noProcessor: { provider: new BasicTracerProvider(), reset: () => {} },
  };
  const result = {} as Record<keyof typeof providers, Setup>;
  for (const [name, { provider, reset }] of Object.entries(providers) as [keyof typeof providers, (typeof providers)['tracespec']][]) {
    const tracer = provider.getTracer('bench');
    result[name] = {
      run: () => {
        for (let i = 0; i < SPANS_PER_ITERATION; i++) tracer.startSpan('operation', { attributes: { i } }).end();
      },
      reset,
    };
  }
  return result;
}
