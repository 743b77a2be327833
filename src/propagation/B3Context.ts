/**
 * B3 sampling state: `accept` (`1`), `deny` (`0`) or `debug` (`d`, or `X-B3-Flags: 1`).
 *
 * @example
 * const sampling: B3Sampling = 'debug';
 */
export type B3Sampling = 'accept' | 'deny' | 'debug';

/**
 * A parsed B3 context, from the single `b3` header or the `X-B3-*` headers. A header that carries only a
 * sampling decision (`b3: 0`) has no ids.
 *
 * @example
 * const context: B3Context = {
 *   traceId: '80f198ee56343ba864fe8b2a57d3eff7',
 *   spanId: 'e457b5a2e4d86bd1',
 *   parentSpanId: '05e3ac9a4f6e3b90',
 *   sampling: 'accept',
 * };
 */
export interface B3Context {
  /** 32 lower-case hex characters; a 64-bit (16 character) id is left-padded with zeros. */
  readonly traceId?: string;
  readonly spanId?: string;
  readonly parentSpanId?: string;
  readonly sampling?: B3Sampling;
}
