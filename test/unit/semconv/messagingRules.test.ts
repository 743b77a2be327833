import { type Span, TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { failureOf } from '../../support/failure.ts';
import { makeSpan } from '../../support/spanBuilder.ts';

const producer = makeSpan({
  traceId: 'b'.repeat(32),
  spanId: '0000000000000010',
  name: 'send orders',
  kind: 'producer',
  service: 'checkout',
  attributes: {
    'messaging.system': 'kafka',
    'messaging.operation.type': 'send',
    'messaging.operation.name': 'send',
    'messaging.destination.name': 'orders',
  },
});

function consumer(change: Partial<Span> = {}, attributes: Span['attributes'] = {}): Span {
  return {
    ...makeSpan({
      traceId: 'c'.repeat(32),
      spanId: '0000000000000020',
      name: 'process orders',
      kind: 'consumer',
      service: 'billing',
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.operation.name': 'process',
        'messaging.destination.name': 'orders',
        ...attributes,
      },
    }),
    links: [{ traceId: producer.traceId, spanId: producer.spanId, attributes: {} }],
    ...change,
  };
}

const internal = makeSpan({
  traceId: 'b'.repeat(32),
  spanId: '0000000000000011',
  name: 'validate',
  service: 'checkout',
});

const broken: [rule: string, spans: Span[]][] = [
  ['messaging:messaging.operation.type', [producer, consumer({}, { 'messaging.operation.type': undefined })]],
  ['messaging:messaging.destination.name', [producer, consumer({}, { 'messaging.destination.name': 7 })]],
  ['messaging.kind', [producer, consumer({ kind: 'producer' })]],
  ['messaging.kind', [producer, consumer({}, { 'messaging.operation.type': 'deliver' })]],
  ['messaging.name', [producer, consumer({ name: 'orders process 8412' })]],
  ['messaging.consumer-context', [producer, consumer({ links: [] })]],
  [
    'messaging.consumer-context',
    [producer, internal, consumer({ links: [{ traceId: internal.traceId, spanId: internal.spanId, attributes: {} }] })],
  ],
];

describe('messaging spans: kinds, operation type, destination, and the consumer keeps the producer context', () => {
  test('a producer and a consumer linked to it pass; so does a consumer parented by the producer', () => {
    expect(TraceSet.fromSpans([producer, consumer()])).toFollowSemanticConventions({ signals: ['messaging'] });
    const child = consumer({ traceId: producer.traceId, parentSpanId: producer.spanId, links: [] });
    expect(TraceSet.fromSpans([producer, child])).toFollowSemanticConventions({ signals: ['messaging'] });
  });

  test.each(broken)('%s', (rule, spans) => {
    const message = failureOf(() =>
      expect(TraceSet.fromSpans(spans)).toFollowSemanticConventions({ signals: ['messaging'] }),
    );
    expect(message).toContain(`     ${rule}: `);
  });

  test('the message of a lost context', () => {
    const message = failureOf(() =>
      expect(TraceSet.fromSpans([producer, consumer({ links: [] })])).toFollowSemanticConventions({
        signals: ['messaging'],
      }),
    );
    expect(message).toContain(
      `1. billing consumer "process orders": it has neither a parent nor a link: the message's context was lost`,
    );
  });
});
