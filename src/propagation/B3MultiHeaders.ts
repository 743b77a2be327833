/**
 * The B3 multi-header set, by lower-case header name. Absent headers are undefined.
 *
 * @example
 * const headers: B3MultiHeaders = { 'x-b3-traceid': '80f198ee56343ba864fe8b2a57d3eff7', 'x-b3-spanid': 'e457b5a2e4d86bd1' };
 */
export interface B3MultiHeaders {
  readonly 'x-b3-traceid'?: string;
  readonly 'x-b3-spanid'?: string;
  readonly 'x-b3-parentspanid'?: string;
  readonly 'x-b3-sampled'?: string;
  readonly 'x-b3-flags'?: string;
}
