import type { SpanKind, StatusCode } from '../model/Span.ts';
import type { SpanField } from './SelectorAst.ts';

/** The bare keys that address a built-in span field rather than an attribute. */
export const SPAN_FIELDS: readonly SpanField[] = ['name', 'service', 'kind', 'status', 'scope', 'duration'];
/** The values `[kind=...]` accepts. */
export const SPAN_KINDS: readonly SpanKind[] = ['internal', 'server', 'client', 'producer', 'consumer'];
/** The values `[status=...]` accepts. */
export const STATUS_CODES: readonly StatusCode[] = ['unset', 'ok', 'error'];

/** True when a bare key names a built-in field. */
export function isSpanField(key: string): key is SpanField {
  return (SPAN_FIELDS as readonly string[]).includes(key);
}
