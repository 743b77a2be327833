import type { Span } from './Span.ts';

/**
 * A span that a failure message marks in its tree (a match, a closest candidate, the span that lost the context),
 * named by its ids so that it can be found again in a saved trace.
 *
 * @example
 * const mark: SpanMark = { traceId: span.traceId, spanId: span.spanId, note: 'closest 1' };
 */
export interface SpanMark {
  readonly traceId: string;
  readonly spanId: string;
  /** The note the message prints after the span, without the arrow: `closest 1`, `1: context lost here`. */
  readonly note: string;
}

/**
 * A call between two services that a failure names as broken: context lost on the way, a missing or an
 * unexpected edge of the service graph.
 *
 * @example
 * const hop: HopMark = { from: 'orders', to: 'inventory', note: 'context lost' };
 */
export interface HopMark {
  /** The calling service; absent when the caller could not be found. */
  readonly from?: string;
  readonly to: string;
  readonly note: string;
}

/**
 * What a failed check points at, for pictures of the failure (the HTML report highlights these spans and draws
 * these hops in red).
 *
 * @example
 * const marks = hasSpan(set, { name: 'GET /stock' }).marks?.();
 * for (const mark of marks?.spans ?? []) console.log(mark.spanId, mark.note);
 */
export interface FailureMarks {
  readonly spans: readonly SpanMark[];
  readonly hops: readonly HopMark[];
}

/**
 * The marks of a failure from the span notes a message prints (`◀ closest 1`) and the hops it names.
 *
 * @example
 * failureMarks(new Map([[span, '◀ closest 1']])); // { spans: [{ ..., note: 'closest 1' }], hops: [] }
 */
export function failureMarks(spans: ReadonlyMap<Span, string>, hops: readonly HopMark[] = []): FailureMarks {
  return {
    spans: [...spans].map(([span, note]) => ({
      traceId: span.traceId,
      spanId: span.spanId,
      note: note.replace(/^◀\s*/, ''),
    })),
    hops,
  };
}
