import type { FailureMarks } from '../../model/FailureMarks.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import type { RedactionRule } from '../../snapshot/RedactionRule.ts';

/**
 * What a trace page shows: the traces, and the failures of the test with the spans and hops they point at.
 *
 * @example
 * const input: TracePageInput = {
 *   title: 'checkout > charges the card',
 *   subtitle: 'test/checkout.test.ts',
 *   traces: traces.traceSet(),
 *   failures: [{ message: error.message, marks: result.marks?.() }],
 * };
 */
export interface TracePageInput {
  readonly title: string;
  readonly subtitle?: string;
  readonly traces: TraceSet;
  readonly failures?: readonly FailureInput[];
  /** True when the traces come from a trace-shape snapshot, which holds no times. */
  readonly timeless?: boolean;
  /** A link back to the list of all failures (relative to the page), shown in the header. */
  readonly indexHref?: string;
}

/**
 * One failure of a test: its message (ANSI colours are removed) and what it marks.
 *
 * @example
 * const failure: FailureInput = { message: 'expected a span "GET /stock"', marks };
 */
export interface FailureInput {
  readonly message: string;
  readonly marks?: FailureMarks;
}

/**
 * Options of the page builders.
 *
 * @example
 * buildTracePage(input, { redact: [...reportRedactions, orderIds] });
 */
export interface PageOptions {
  /** The redaction rules every shown value goes through. Default {@link reportRedactions}. */
  readonly redact?: readonly RedactionRule[];
}
