import type { Attributes, Span, SpanEvent, SpanKind, SpanLink, SpanStatus } from 'tracespec';
import { nanosToMillis } from '../../src/model/time.ts';

/** Input of {@link makeSpan}: times in milliseconds from an arbitrary epoch, everything optional. */
export interface SpanInput {
  readonly traceId?: string;
  readonly spanId?: string;
  readonly parent?: string | Span;
  readonly name?: string;
  readonly kind?: SpanKind;
  readonly service?: string;
  readonly start?: number;
  readonly end?: number;
  readonly attributes?: Attributes;
  readonly events?: readonly SpanEvent[];
  readonly links?: readonly SpanLink[];
  readonly status?: SpanStatus;
  readonly ended?: boolean;
}

const BASE = 1_700_000_000_000_000_000n;
let counter = 0;

/** A hand-built span for tests (ids are generated unless given; times are ms offsets from a fixed epoch). */
export function makeSpan(input: SpanInput = {}): Span {
  counter++;
  const start = BASE + BigInt(Math.round((input.start ?? 0) * 1e6));
  const end = BASE + BigInt(Math.round((input.end ?? input.start ?? 0) * 1e6));
  const parentSpanId = typeof input.parent === 'string' ? input.parent : input.parent?.spanId;
  const traceId = input.traceId ?? (typeof input.parent === 'object' ? input.parent.traceId : 'a'.repeat(32));
  return {
    traceId,
    spanId: input.spanId ?? counter.toString(16).padStart(16, '0'),
    ...(parentSpanId ? { parentSpanId } : {}),
    name: input.name ?? 'span',
    kind: input.kind ?? 'internal',
    startTimeUnixNano: start,
    endTimeUnixNano: end,
    durationNano: end - start,
    durationMs: nanosToMillis(end - start),
    attributes: input.attributes ?? {},
    events: input.events ?? [],
    links: input.links ?? [],
    status: input.status ?? { code: 'unset' },
    service: input.service ?? 'test',
    resource: { 'service.name': input.service ?? 'test' },
    scope: { name: 'tracespec-test' },
    ended: input.ended ?? true,
    source: 'test',
  };
}
