import type { JaegerContext } from './JaegerContext.ts';

/**
 * Formats a Jaeger `uber-trace-id` header value; a missing parent is written `0`. The flags byte is written as
 * given, or built from `sampled` and `debug` when absent.
 *
 * @example
 * formatJaeger({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', sampled: true });
 * // '4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:1'
 */
export function formatJaeger(
  context: Pick<JaegerContext, 'traceId' | 'spanId'> & Partial<Omit<JaegerContext, 'traceId' | 'spanId'>>,
): string {
  const flags = context.flags ?? (context.sampled ? 1 : 0) | (context.debug ? 2 : 0);
  return `${context.traceId}:${context.spanId}:${context.parentSpanId ?? '0'}:${flags.toString(16)}`;
}
