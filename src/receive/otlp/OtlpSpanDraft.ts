import type { AttributeValue, SpanEvent, SpanLink } from '../../model/Span.ts';

/**
 * The fields of one OTLP span as decoded from the wire (protobuf or JSON), before validation. Mutable on purpose:
 * the decoders fill it in field by field.
 */
export interface OtlpSpanDraft {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  /** OTLP wire kind: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  start: bigint;
  end: bigint;
  attributes: Record<string, AttributeValue>;
  events: SpanEvent[];
  links: SpanLink[];
  /** OTLP wire status: 0 unset, 1 ok, 2 error. */
  statusCode: number;
  statusMessage: string;
}

/** A draft with every field empty. */
export function emptyDraft(): OtlpSpanDraft {
  return {
    traceId: '',
    spanId: '',
    parentSpanId: '',
    name: '',
    kind: 0,
    start: 0n,
    end: 0n,
    attributes: {},
    events: [],
    links: [],
    statusCode: 0,
    statusMessage: '',
  };
}
