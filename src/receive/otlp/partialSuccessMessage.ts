import type { DecodedSpans } from '../DecodedSpans.ts';

/** The partial-success message of an export answer: empty when every span was accepted. */
export function partialSuccessMessage(decoded: DecodedSpans): string {
  if (decoded.rejected === 0) return '';
  return `[tracespec] rejected ${decoded.rejected} span(s): ${decoded.problems.join('; ')}`;
}
