import type { Span } from '../../model/Span.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import type { WireRecord } from '../../model/WireRecord.ts';
import type { Certainty, LostContextCause } from './LostContext.ts';
import { sentContext } from './sentContext.ts';

/**
 * What the tap's record of a call says about a callee span that broke away from the caller's trace: which side
 * lost the context. Only facts of the record decide, except the formats a callee reads when its configuration is
 * unknown (then `inferred`).
 *
 * @example
 * judgeWire(record, callerSpan, own, calleeSpan); // { cause: 'caller-sent-none', certainty: 'wire' }
 */
export function judgeWire(
  record: WireRecord,
  caller: Span | undefined,
  own: TraceSet,
  callee: Span,
): { cause: LostContextCause; certainty: Certainty } {
  const sent = sentContext(record);
  if (sent.formats.length === 0) return { cause: 'caller-sent-none', certainty: 'wire' };
  if (sent.valid.length === 0) return { cause: 'caller-sent-invalid', certainty: 'wire' };
  const inTrace = sent.valid.filter((ids) => (caller ? ids.traceId === caller.traceId : own.get(ids.traceId)));
  if (inTrace.length === 0) return { cause: 'caller-sent-other-trace', certainty: 'wire' };
  if (caller && !inTrace.some((ids) => ids.parentSpanId === caller.spanId)) {
    return { cause: 'caller-sent-wrong-parent', certainty: 'wire' };
  }
  if (!caller && inTrace.some((ids) => ids.traceId === callee.traceId && ids.parentSpanId === callee.parentSpanId)) {
    // The callee continued what it got, but the parent it names never arrived.
    return { cause: 'parent-missing', certainty: 'inferred' };
  }
  const formats = inTrace.map((ids) => ids.format);
  const reads = record.calleeReads;
  if (reads ? !formats.some((format) => reads.includes(format)) : !formats.includes('w3c')) {
    return { cause: 'format-not-read', certainty: reads ? 'wire' : 'inferred' };
  }
  return { cause: 'callee-ignored-context', certainty: 'wire' };
}
