import { describeValue } from './asymmetric.ts';
import type { SpanExpectation } from './SpanExpectation.ts';

/** The expectation as the user wrote it, on one line. */
export function describeExpectation(expected: SpanExpectation | string): string {
  if (typeof expected === 'string') return JSON.stringify(expected);
  return describeValue(expected);
}
