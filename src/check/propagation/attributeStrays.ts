import type { Span } from '../../model/Span.ts';
import type { Trace } from '../../model/Trace.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import type { WireRecord } from '../../model/WireRecord.ts';
import { callEvidence } from './callEvidence.ts';
import { sentContext } from './sentContext.ts';
import { encloses, INCOMING, sameInstance, startsWithin } from './spanRelations.ts';

/** A trace nobody claimed that belongs to the test, by evidence; `shared` when a concurrent test has as much claim. */
export interface AttributedStray {
  readonly trace: Trace;
  readonly shared: boolean;
}

type Owner = 'self' | 'other';

/**
 * Which split-off traces belong to the test. A stray is the test's when the evidence ties its top to the test and
 * to no other test running at the same time: a tap record whose carried context is the test's trace, or (when the
 * context was lost) a call of the test's that encloses it, or a span of the same service instance in the test's
 * trace that was running when it started. When another test has the same kind of claim, the stray is kept but
 * marked `shared`, so that messages say "may belong to a concurrent test" instead of claiming it.
 *
 * @example
 * const mine = attributeStrays(strays, { own, others, wire, skew: 5_000_000n });
 */
export function attributeStrays(
  strays: TraceSet,
  context: { own: TraceSet; others: TraceSet; wire: readonly WireRecord[]; skew: bigint },
): AttributedStray[] {
  const attributed: AttributedStray[] = [];
  for (const trace of strays) {
    if (context.own.get(trace.traceId)) continue;
    const owners = new Set<Owner>();
    for (const top of trace.tops) for (const owner of ownersOf(top, context)) owners.add(owner);
    if (owners.has('self')) attributed.push({ trace, shared: owners.has('other') });
  }
  return attributed;
}

function ownersOf(
  top: Span,
  context: { own: TraceSet; others: TraceSet; wire: readonly WireRecord[]; skew: bigint },
): Set<Owner> {
  const owners = new Set<Owner>();
  const { own, others, wire, skew } = context;
  // A tap record of a call into this service, around the stray's start: the context it carried names the trace.
  for (const record of wire) {
    if (record.to !== top.service || !startsWithin(record, top, skew)) continue;
    for (const ids of sentContext(record).valid) {
      if (own.get(ids.traceId)) owners.add('self');
      else if (others.get(ids.traceId)) owners.add('other');
    }
  }
  if (owners.size > 0) return owners;
  // No context to go by: a call of a test's that encloses it, or its own service busy with a test's request.
  for (const [owner, set] of [
    ['self', own],
    ['other', others],
  ] as const) {
    for (const trace of set) {
      for (const span of trace.spans) {
        if (
          callEvidence(span, top, wire, skew) ||
          (INCOMING.has(span.kind) && sameInstance(span, top) && encloses(span, top, skew))
        ) {
          owners.add(owner);
          break;
        }
      }
    }
  }
  return owners;
}
