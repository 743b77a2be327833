import { normalizeTraces, renderSnapshot, TraceSet } from 'tracespec';
import { expect, test } from 'vitest';
import { makeSpan } from '../../support/spanBuilder.ts';

test('links resolve when every span has one (a batch consumer and the producer it links back to)', () => {
  const producer = makeSpan({ name: 'publish', kind: 'producer', start: 0, end: 1 });
  const consumer = makeSpan({
    traceId: 'b'.repeat(32),
    name: 'process',
    kind: 'consumer',
    start: 2,
    end: 3,
    links: [{ traceId: producer.traceId, spanId: producer.spanId, attributes: {} }],
  });
  const linkedBack = { ...producer, links: [{ traceId: consumer.traceId, spanId: consumer.spanId, attributes: {} }] };
  const text = renderSnapshot(normalizeTraces(TraceSet.fromSpans([linkedBack, consumer])));
  expect(text.match(/link -> #\d+/g)).toHaveLength(2);
  expect(text).not.toContain('link -> ?');
});
