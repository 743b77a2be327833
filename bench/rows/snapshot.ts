import { Trace } from '../../src/model/Trace.ts';
import { TraceSet } from '../../src/model/TraceSet.ts';
import { normalizeTraces } from '../../src/snapshot/normalizeTraces.ts';
import { renderSnapshot } from '../../src/snapshot/renderSnapshot.ts';
import { compare } from '../measure.ts';
import { type Row, round } from '../Row.ts';
import { bigTrace } from '../support/bigTrace.ts';

/** Row 5: the shape snapshot of a 10k-span trace (normalized, redacted, rendered) vs JSON.stringify of its spans. */
export const snapshot: Row = async () => {
  const [trace] = Trace.build(bigTrace(10_000));
  if (!trace) throw new Error('[bench] no trace');
  const set = new TraceSet([trace]);
  // JSON.stringify cannot write bigint times; the anchor gets the smallest replacer that lets it run.
  const replacer = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);
  const m = await compare(
    {
      tracespec: { fn: () => renderSnapshot(normalizeTraces(set)) },
      jsonStringify: { fn: () => JSON.stringify(trace.spans, replacer) },
    },
    { rounds: 5, timeMs: 1000 },
  );
  const ratio = m.tracespec.medianMs / m.jsonStringify.medianMs;
  return [
    {
      id: '5',
      what: 'snapshot of a 10k-span trace (time)',
      anchor: 'JSON.stringify of the same spans',
      ratio: round(ratio),
      target: '<= 3x',
      met: ratio <= 3,
      figures: {
        'tracespec ms': round(m.tracespec.medianMs),
        'JSON.stringify ms': round(m.jsonStringify.medianMs),
        'spread tracespec ms': `${round(m.tracespec.spreadMs[0])}..${round(m.tracespec.spreadMs[1])}`,
        'spread JSON.stringify ms': `${round(m.jsonStringify.spreadMs[0])}..${round(m.jsonStringify.spreadMs[1])}`,
      },
    },
  ];
};
