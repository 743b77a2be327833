/**
 * One request a recording tap saw on its way from one service to another: what was sent (method, path and every
 * propagation header exactly as it crossed the wire), what came back, and when. This is the evidence that tells
 * "the caller sent no context" from "the callee ignored the context it got", which spans alone cannot.
 *
 * @example
 * const record: WireRecord = {
 *   id: 1,
 *   from: 'orders',
 *   to: 'inventory',
 *   protocol: 'http/1.1',
 *   method: 'GET',
 *   path: '/stock/book',
 *   status: 200,
 *   startUnixNano: 1_700_000_000_000_000_000n,
 *   endUnixNano: 1_700_000_000_004_000_000n,
 *   headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
 * };
 */
export interface WireRecord {
  /** Increasing per process: the order the taps saw the requests in. */
  readonly id: number;
  /** The calling service (the one whose link points at the tap). */
  readonly from: string;
  /** The called service. */
  readonly to: string;
  readonly protocol: 'http/1.1' | 'h2';
  readonly method: string;
  /** Path and query, as requested. */
  readonly path: string;
  /** The answer's status; absent when there was none (`error` says why). */
  readonly status?: number;
  readonly error?: string;
  /** When the request arrived at the tap, and when the answer was complete (or failed). */
  readonly startUnixNano: bigint;
  readonly endUnixNano: bigint;
  /** The propagation headers of the request, names in lower case (W3C, B3 single and multi, Jaeger). */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The trace-context formats the callee reads, when its configuration says so (`OTEL_PROPAGATORS` in the
   * environment tracespec started it with): `w3c`, `b3`, `b3multi`, `jaeger`.
   */
  readonly calleeReads?: readonly ('w3c' | 'b3' | 'b3multi' | 'jaeger')[];
}

/** Header names (lower case) a tap keeps: every trace-context and baggage header of the formats tracespec reads. */
export function isPropagationHeader(name: string): boolean {
  return (
    name === 'traceparent' ||
    name === 'tracestate' ||
    name === 'baggage' ||
    name === 'b3' ||
    name.startsWith('x-b3-') ||
    name === 'uber-trace-id' ||
    name.startsWith('uberctx-')
  );
}
