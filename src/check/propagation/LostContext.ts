import type { Span } from '../../model/Span.ts';
import type { WireRecord } from '../../model/WireRecord.ts';

/**
 * Why a trace context was lost between two services: a closed set, each with its own wording and advice.
 *
 * - `caller-sent-none`: the request carried no trace-context header at all.
 * - `caller-sent-invalid`: it carried only headers that do not parse.
 * - `caller-sent-other-trace`: it carried the context of another trace than the caller's.
 * - `caller-sent-wrong-parent`: it carried the caller's trace, but a parent id that is not the caller's client span.
 * - `format-not-read`: it carried a context only in a format the callee does not read (e.g. B3 to a W3C service).
 * - `callee-ignored-context`: the callee received a valid context and started a new trace anyway.
 * - `callee-no-server-span`: the callee recorded no server/consumer span; its work started a new trace.
 * - `call-outside-context`: the caller's outgoing call ran outside the request's context (a new trace).
 * - `work-in-new-root`: the callee's handling ran under a new root span, in a new trace.
 * - `not-exported`: the callee handled the request but none of its spans arrived (not flushed, or not exported).
 * - `not-continued`: spans only, no tap on the link: the callee did not continue the caller's trace, and nothing
 *   tells whether the caller sent no context or the callee did not read it.
 * - `parent-missing`: spans only: the callee names a parent span that is not in the trace.
 * - `caller-unknown`: a span started a new trace and no call from another service explains it.
 *
 * @example
 * const cause: LostContextCause = 'caller-sent-none';
 */
export type LostContextCause =
  | 'caller-sent-none'
  | 'caller-sent-invalid'
  | 'caller-sent-other-trace'
  | 'caller-sent-wrong-parent'
  | 'format-not-read'
  | 'callee-ignored-context'
  | 'callee-no-server-span'
  | 'call-outside-context'
  | 'work-in-new-root'
  | 'not-exported'
  | 'not-continued'
  | 'parent-missing'
  | 'caller-unknown';

/**
 * How the cause is known: from what the tap saw on the wire, from the spans alone (facts about them), or only
 * inferred (the message says "inferred" and names every possibility).
 */
export type Certainty = 'wire' | 'spans' | 'inferred';

/**
 * One place where a test's trace context was lost: the hop, the cause, and the evidence.
 *
 * @example
 * for (const hop of diagnoseLostContext(evidence)) console.log(hop.description);
 * // orders -> inventory: orders sent no trace context on GET /stock/book (the tap saw no traceparent, b3, X-B3-* or uber-trace-id header)
 */
export interface BrokenHop {
  /** The calling service, when known. */
  readonly from?: string;
  /** The service where the context was lost (the callee, or the caller itself for `call-outside-context`). */
  readonly to: string;
  readonly cause: LostContextCause;
  readonly certainty: Certainty;
  /** The span where the trace broke: it started a new trace, or names a missing parent. Absent for `not-exported`. */
  readonly span?: Span;
  /** The caller's CLIENT/PRODUCER span of the call. */
  readonly caller?: Span;
  /** What the tap on the link saw. */
  readonly wire?: WireRecord;
  /** The split-off trace could also belong to a test running at the same time. */
  readonly mayBelongToConcurrentTest: boolean;
  /** One line: hop, cause, and the decisive evidence. */
  readonly description: string;
  /** The same without the hop in front. */
  readonly summary: string;
  /** A few words for the cause, e.g. on a service graph's edge: `the caller sent no context`. */
  readonly label: string;
  /** What to look at in the code. */
  readonly advice: string;
}
