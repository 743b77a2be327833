import type { Span } from '../../src/model/Span.ts';
import { Trace } from '../../src/model/Trace.ts';
import { compare } from '../measure.ts';
import { type Row, round } from '../Row.ts';
import { bigTrace } from '../support/bigTrace.ts';

/** Row 3b: building the tree of 100k spans vs grouping them by trace id in a Map. */
export const treeBuild: Row = async () => {
  const spans = bigTrace(100_000);
  const m = await compare(
    {
      tracespec: { fn: () => Trace.build(spans) },
      groupByTraceId: {
        fn: () => {
          const groups = new Map<string, Span[]>();
          for (const span of spans) {
            const group = groups.get(span.traceId);
            if (group) group.push(span);
            else groups.set(span.traceId, [span]);
          }
          return groups;
        },
      },
    },
    { rounds: 5, timeMs: 1000 },
  );
  const ratio = m.tracespec.medianMs / m.groupByTraceId.medianMs;
  return [
    {
      id: '3b',
      what: 'build the tree of 100k spans (time)',
      anchor: 'group by trace id in a Map',
      ratio: round(ratio),
      target: '<= 3x',
      met: ratio <= 3,
      figures: {
        'tracespec ms': round(m.tracespec.medianMs),
        'Map grouping ms': round(m.groupByTraceId.medianMs),
        'spread tracespec ms': `${round(m.tracespec.spreadMs[0])}..${round(m.tracespec.spreadMs[1])}`,
        'spread Map ms': `${round(m.groupByTraceId.spreadMs[0])}..${round(m.groupByTraceId.spreadMs[1])}`,
      },
    },
  ];
};
