import type { Span } from './Span.ts';
import { clockOf, type SpanClock } from './sdkClock.ts';

/**
 * How far a span sticks out of another's time range: `before` is how much earlier it starts, `after` how much
 * later it ends (0 when it does not stick out on that side), on `clock` (by default {@link clockOf} the two).
 *
 * @example
 * // parent 10-50ms, child 8-52ms
 * overhang(child, parent); // { before: 2_000_000n, after: 2_000_000n }
 */
export function overhang(
  span: Span,
  container: Span,
  clock: SpanClock = clockOf([span, container]),
): { readonly before: bigint; readonly after: bigint } {
  const before = clock.start(container) - clock.start(span);
  const after = clock.end(span) - clock.end(container);
  return { before: before > 0n ? before : 0n, after: after > 0n ? after : 0n };
}
