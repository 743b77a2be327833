import type { Attributes, InstrumentationScope, SpanSource } from '../../model/Span.ts';

/** What the spans of one OTLP `ScopeSpans` share: resource, service, scope, and the receiver they came through. */
export interface OtlpOrigin {
  readonly resource: Attributes;
  readonly service: string;
  readonly scope: InstrumentationScope;
  readonly source: SpanSource;
}

/** The service name a resource announces, as the SDKs default it when missing. */
export function serviceOf(resource: Attributes): string {
  const name = resource['service.name'];
  return typeof name === 'string' && name !== '' ? name : 'unknown_service';
}
