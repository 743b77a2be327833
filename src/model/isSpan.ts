import type { Span } from './Span.ts';

/** True for a tracespec span record (ids as strings, times as bigints). */
export function isSpan(value: unknown): value is Span {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Span).spanId === 'string' &&
    typeof (value as Span).traceId === 'string' &&
    typeof (value as Span).startTimeUnixNano === 'bigint'
  );
}
