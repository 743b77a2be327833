import type { WireRecord } from '../../../model/WireRecord.ts';
import type { CarriedIds } from '../../../propagation/CarriedIds.ts';
import { PROPAGATION_FORMATS, type PropagationFormat } from '../../../propagation/PropagationFormat.ts';
import { readCarriedContext } from '../../../propagation/readCarriedContext.ts';
import { readCarriedIds } from '../../../propagation/readCarriedIds.ts';

/** The trace context a request carried, format by format. */
export interface SentContext {
  /** Formats whose header was sent at all. */
  readonly formats: readonly PropagationFormat[];
  readonly valid: readonly CarriedIds[];
  readonly invalid: readonly { readonly format: PropagationFormat; readonly reason: string }[];
}

/** How people call each format in messages. */
export const FORMAT_NAMES: Readonly<Record<PropagationFormat, string>> = {
  w3c: 'W3C traceparent',
  b3: 'B3 single (b3)',
  b3multi: 'B3 multi (X-B3-*)',
  jaeger: 'Jaeger (uber-trace-id)',
};

/**
 * The trace context a tap saw on a request: which formats were sent, which parsed, and why the others did not.
 *
 * @example
 * sentContext(record).valid[0]; // { format: 'w3c', traceId: '4bf9…', parentSpanId: '00f0…', sampled: true }
 */
export function sentContext(record: WireRecord): SentContext {
  const carried = readCarriedContext(record.headers);
  const formats: PropagationFormat[] = [];
  const valid: CarriedIds[] = [];
  const invalid: { format: PropagationFormat; reason: string }[] = [];
  for (const format of PROPAGATION_FORMATS) {
    const ids = readCarriedIds(carried, format);
    if (ids === undefined) continue;
    formats.push(format);
    if (ids.valid) valid.push(ids.value);
    else invalid.push({ format, reason: ids.reason });
  }
  return { formats, valid, invalid };
}

/** `GET /stock/book` as the tap saw it, with its answer. */
export function describeRequest(record: WireRecord): string {
  const answer = record.status === undefined ? `no answer: ${record.error ?? 'unknown'}` : `answered ${record.status}`;
  return `${record.method} ${record.path} (${answer})`;
}

/**
 * Whether the request a tap saw could have arrived as `span` (a SERVER/CONSUMER span of the callee): a span that
 * names a parent continued a context, so the request must have carried exactly that one; a new root could have come
 * from any request (one that carried nothing, or whose context the callee did not read).
 *
 * @example
 * couldArriveAs(record, strayServerSpan); // false: it continued trace 4bf9… but the request carried none
 */
export function couldArriveAs(record: WireRecord, span: { traceId: string; parentSpanId?: string }): boolean {
  if (span.parentSpanId === undefined) return true;
  return sentContext(record).valid.some(
    (ids) => ids.traceId === span.traceId && ids.parentSpanId === span.parentSpanId,
  );
}
