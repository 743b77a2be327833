import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { SpanRecorder } from '../../src/capture/SpanRecorder.ts';
import { median } from '../measure.ts';
import { type Row, round } from '../Row.ts';

const SPANS = 50_000;

/** Row 2: heap retained per recorded span, tracespec's recorder vs InMemorySpanExporter holding the same spans. */
export const memory: Row = async () => {
  const gc = globalThis.gc;
  if (typeof gc !== 'function') throw new Error('[bench] run with node --expose-gc (npm run bench does)');
  const perSpan = (kind: 'tracespec' | 'exporter') => {
    gc();
    gc();
    const before = process.memoryUsage().heapUsed;
    const recorder = kind === 'tracespec' ? new SpanRecorder() : undefined;
    const exporter = kind === 'exporter' ? new InMemorySpanExporter() : undefined;
    const processor = recorder ?? new SimpleSpanProcessor({ exporter: exporter as InMemorySpanExporter });
    const tracer = new TracerProvider({ spanProcessors: [processor] }).getTracer('bench');
    for (let i = 0; i < SPANS; i++) tracer.startSpan('operation', { attributes: { i, route: '/orders/:id' } }).end();
    gc();
    gc();
    const after = process.memoryUsage().heapUsed;
    // Keep both alive until after the measurement.
    if ((recorder?.store.size ?? exporter?.getFinishedSpans().length) !== SPANS) throw new Error('[bench] lost spans');
    return (after - before) / SPANS;
  };
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < 5; round++) {
    ours.push(perSpan('tracespec'));
    theirs.push(perSpan('exporter'));
  }
  const ratio = median(ours) / median(theirs);
  return [
    {
      id: '2',
      what: 'retained heap per span',
      anchor: 'InMemorySpanExporter',
      ratio: round(ratio),
      target: '<= 1.0x',
      met: ratio <= 1.0,
      figures: {
        'tracespec bytes/span': Math.round(median(ours)),
        'InMemorySpanExporter bytes/span': Math.round(median(theirs)),
        'spread tracespec bytes/span': `${Math.round(Math.min(...ours))}..${Math.round(Math.max(...ours))}`,
        'spread exporter bytes/span': `${Math.round(Math.min(...theirs))}..${Math.round(Math.max(...theirs))}`,
      },
    },
  ];
};
