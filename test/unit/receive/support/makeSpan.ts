import type { Span } from 'tracespec';

/** A minimal span for store-level tests. */
export function makeSpan(fields: Partial<Span> & { spanId: string; name: string }): Span {
  return {
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    kind: 'internal',
    startTimeUnixNano: 1_700_000_000_000_000_000n,
    endTimeUnixNano: 1_700_000_000_010_000_000n,
    durationNano: 10_000_000n,
    durationMs: 10,
    attributes: {},
    events: [],
    links: [],
    status: { code: 'unset' },
    service: 'shop',
    resource: { 'service.name': 'shop' },
    scope: { name: 'test' },
    ended: true,
    source: 'test',
    ...fields,
  };
}
