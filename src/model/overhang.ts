import type { Span } from './Span.ts';

/**
 * How far a span sticks out of another's time range: `before` is how much earlier it starts, `after` how much
 * later it ends (0 when it does not stick out on that side).
 *
 * @example
 * // parent 10-50ms, child 8-52ms
 * overhang(child, parent); // { before: 2_000_000n, after: 2_000_000n }
 */
export function overhang(span: Span, container: Span): { readonly before: bigint; readonly after: bigint } {
  const before = container.startTimeUnixNano - span.startTimeUnixNano;
  const after = span.endTimeUnixNano - container.endTimeUnixNano;
  return { before: before > 0n ? before : 0n, after: after > 0n ? after : 0n };
}
