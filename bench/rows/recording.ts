import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { SpanRecorder } from '../../src/capture/SpanRecorder.ts';
import { compare } from '../measure.ts';
import { type Row, round } from '../Row.ts';

const SPANS = 1_000;
const TARGET = 0.95;

/** Row 1: spans per second through tracespec's recorder, the in-memory exporter, and no processor at all. */
export const recording: Row = async () => {
  const recorder = new SpanRecorder();
  const exporter = new InMemorySpanExporter();
  const tracers = {
    tracespec: new TracerProvider({ spanProcessors: [recorder] }).getTracer('bench'),
    exporter: new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] }).getTracer('bench'),
    none: new TracerProvider().getTracer('bench'),
  };
  const make = (tracer: (typeof tracers)['none']) => () => {
    for (let i = 0; i < SPANS; i++) tracer.startSpan('operation', { attributes: { i } }).end();
  };
  // Spans stay recorded as they would during a test (up to 100k, then the test "ends" and they are dropped), so
  // the cost of keeping them (garbage collection included) is measured too.
  const every = (n: number, reset: () => void) => {
    let calls = 0;
    return () => {
      if (++calls % n === 0) reset();
    };
  };
  // 11 short rounds, not 5: a round of ~1 s is cheap, and in one full run (the first row, right after start) the
  // rounds of the SDK alone spread 2x (312k..616k spans/s) where a run of this row alone spread 1.3x.
  const m = await compare(
    {
      tracespec: { fn: make(tracers.tracespec), beforeEach: every(100, () => recorder.store.clear()) },
      exporter: { fn: make(tracers.exporter), beforeEach: every(100, () => exporter.reset()) },
      none: { fn: make(tracers.none) },
    },
    { rounds: 11 },
  );
  const rate = (ms: number) => Math.round(SPANS / (ms / 1000));
  const figures = {
    'tracespec spans/s': rate(m.tracespec.medianMs),
    'InMemorySpanExporter spans/s': rate(m.exporter.medianMs),
    'no processor spans/s': rate(m.none.medianMs),
    'spread tracespec spans/s': `${rate(m.tracespec.spreadMs[1])}..${rate(m.tracespec.spreadMs[0])}`,
    'spread exporter spans/s': `${rate(m.exporter.spreadMs[1])}..${rate(m.exporter.spreadMs[0])}`,
    'spread none spans/s': `${rate(m.none.spreadMs[1])}..${rate(m.none.spreadMs[0])}`,
  };
  const vsExporter = m.exporter.medianMs / m.tracespec.medianMs;
  const vsNone = m.none.medianMs / m.tracespec.medianMs;
  const overlap = m.tracespec.spreadMs[0] <= m.none.spreadMs[1] && m.none.spreadMs[0] <= m.tracespec.spreadMs[1];
  return [
    {
      id: '1a',
      what: 'recording throughput',
      anchor: 'SimpleSpanProcessor(InMemorySpanExporter)',
      ratio: round(vsExporter),
      target: '(information)',
      note:
        'is information: the SDK with no processor at all is only about 1.8x the in-memory exporter, so no ' +
        'processor can be much more than that over it; the target is on 1b, the SDK with no processor.',
      figures,
    },
    {
      id: '1b',
      what: 'recording throughput',
      anchor: 'no span processor (SDK cost alone)',
      ratio: round(vsNone),
      target: `>= ${TARGET}x`,
      met: vsNone >= TARGET,
      whyShort: overlap
        ? 'the recorder keeps every span from its start (a store push, and a look-up of the test it belongs to); ' +
          'the rounds of tracespec and of no processor overlap in this run, so the gap is within the noise of a ' +
          'shared machine.'
        : 'the recorder keeps every span from its start (a store push, and a look-up of the test it belongs to): ' +
          'that per-span work is the gap, beyond the spread of the rounds in this run.',
      figures,
    },
  ];
};
