import { type ComplianceMatchers, complianceMatchers } from './compliance.ts';
import { type OutboundMatchers, outboundMatchers } from './outbound.ts';
import { type SnapshotMatchers, snapshotMatchers } from './snapshot.ts';
import { type SpanMatchers, spanMatchers } from './span.ts';
import { type TimingMatchers, timingMatchers } from './timing.ts';
import { type TraceMatchers, traceMatchers } from './trace.ts';

/**
 * Every tracespec matcher as vitest sees it, family by family; `R` is `Promise<void>` under `expect.poll`.
 *
 * @example
 * interface CustomMatchers<R = unknown> extends TracespecMatchers<R> {}
 */
export interface TracespecMatchers<R = unknown>
  extends TraceMatchers<R>,
    SpanMatchers<R>,
    TimingMatchers<R>,
    OutboundMatchers<R>,
    SnapshotMatchers<R>,
    ComplianceMatchers<R> {}

/**
 * Every tracespec matcher, for `expect.extend` (importing `tracespec/vitest` registers them): one family per file
 * under vitest/matchers/, listed here.
 *
 * @example
 * import { expect } from 'vitest';
 * import { tracespecMatchers } from 'tracespec/vitest';
 * expect.extend(tracespecMatchers);
 */
export const tracespecMatchers = {
  ...traceMatchers,
  ...spanMatchers,
  ...timingMatchers,
  ...outboundMatchers,
  ...snapshotMatchers,
  ...complianceMatchers,
};
