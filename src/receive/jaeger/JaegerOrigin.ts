import type { Attributes, SpanSource } from '../../model/Span.ts';

/** What every span of one Jaeger batch shares: its process, as resource and service, and where it came from. */
export interface JaegerOrigin {
  readonly resource: Attributes;
  readonly service: string;
  readonly source: SpanSource;
}
