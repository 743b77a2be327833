import type { Span } from 'tracespec';

let counter = 0;

/** A span record built directly (no SDK), for property tests and shapes the SDK cannot produce. */
export function spanRecord(fields: {
  name: string;
  start: bigint;
  end: bigint;
  parent?: Span;
  traceId?: string;
  service?: string;
}): Span {
  counter++;
  const durationNano = fields.end > fields.start ? fields.end - fields.start : 0n;
  return {
    traceId: fields.traceId ?? fields.parent?.traceId ?? '0af7651916cd43dd8448eb211c80319c',
    spanId: counter.toString(16).padStart(16, '0'),
    ...(fields.parent ? { parentSpanId: fields.parent.spanId } : {}),
    name: fields.name,
    kind: 'internal',
    startTimeUnixNano: fields.start,
    endTimeUnixNano: fields.end,
    durationNano,
    durationMs: Number(durationNano) / 1e6,
    attributes: {},
    events: [],
    links: [],
    status: { code: 'unset' },
    service: fields.service ?? 'app',
    resource: { 'service.name': fields.service ?? 'app' },
    scope: { name: 'test' },
    ended: true,
    source: 'test',
  };
}
