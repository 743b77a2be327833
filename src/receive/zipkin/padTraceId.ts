/**
 * Widens a 64-bit Zipkin/B3 trace id (16 hex characters) to 128 bits by left-padding with zeros, exactly as
 * OpenTelemetry's B3 propagator does when it extracts one, so a request that crosses Zipkin-instrumented and
 * OpenTelemetry services keeps one trace id. 128-bit ids are returned unchanged (lower-cased).
 *
 * @example
 * padTraceId('463ac35c9f6413ad'); // '0000000000000000463ac35c9f6413ad'
 */
export function padTraceId(traceId: string): string {
  const id = traceId.toLowerCase();
  return id.length === 16 ? id.padStart(32, '0') : id;
}
