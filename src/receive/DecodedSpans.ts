import type { Span } from '../model/Span.ts';

/**
 * What a receiver made of one request: the spans to store, and the spans it had to reject (with the first few
 * reasons), which an OTLP answer reports as partial success instead of failing the whole batch.
 *
 * @example
 * const { spans, rejected, problems } = decodeOtlpProtobuf(body, 'otlp-http');
 */
export interface DecodedSpans {
  readonly spans: readonly Span[];
  readonly rejected: number;
  readonly problems: readonly string[];
}
