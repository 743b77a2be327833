import type { TraceParent } from './TraceParent.ts';

/**
 * Formats a `traceparent` header value. The flags byte is written as given; `sampled` is only read when
 * `traceFlags` is absent.
 *
 * @example
 * formatTraceparent({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', parentId: '00f067aa0ba902b7', sampled: true });
 * // '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'
 */
export function formatTraceparent(
  parent: Pick<TraceParent, 'traceId' | 'parentId'> & Partial<Pick<TraceParent, 'version' | 'traceFlags' | 'sampled'>>,
): string {
  const flags = parent.traceFlags ?? (parent.sampled ? 1 : 0);
  return `${parent.version ?? '00'}-${parent.traceId}-${parent.parentId}-${flags.toString(16).padStart(2, '0')}`;
}
