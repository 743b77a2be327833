import type { Span } from '../../../model/Span.ts';
import type { TraceSet } from '../../../model/TraceSet.ts';
import type { WireRecord } from '../../../model/WireRecord.ts';
import { couldArriveAs, sentContext } from './sentContext.ts';
import { INCOMING, OUTGOING, pathOf, peerOf, samePath, startsWithin, wirePath } from './spanRelations.ts';
import type { WireView } from './WireView.ts';

/** Why a client span is taken for a call; `weak` when only the time ties them. */
export interface CallEvidence {
  readonly reasons: string[];
  readonly record?: WireRecord;
  readonly weak?: boolean;
}

/**
 * Why a CLIENT/PRODUCER span is taken for the call that reached `callee` (a span of the called service): it
 * was running when it began (a callee may end after its caller: it ends its span after the answer left), and
 * it called that service (by the tap's record, its peer address, or the path); `weak`
 * when only the time ties a call of another service to it; undefined when nothing does.
 */
export function callEvidence(caller: Span, callee: Span, wire: WireView, skew: bigint): CallEvidence | undefined {
  if (!OUTGOING.has(caller.kind) || caller.spanId === callee.spanId || !startsWithin(caller, callee, skew)) {
    return undefined;
  }
  const record = recordOf(caller, callee.service, wire, skew, callee);
  if (record) return { reasons: [`the tap saw it call ${callee.service} (${record.method} ${record.path})`], record };
  const reasons: string[] = [];
  if (peerOf(caller) === callee.service) reasons.push(`it called ${callee.service}`);
  const path = pathOf(callee);
  if (path !== undefined && pathOf(caller) === path) reasons.push(`it requested ${path}`);
  // Only the time ties a call of another service to it: the weakest evidence, reported as such.
  if (reasons.length === 0 && caller.service !== callee.service) return { reasons: [], weak: true };
  return reasons.length > 0 ? { reasons } : undefined;
}

/**
 * The tap's record of the request a client span sent to `service`: on that link, within the client span, on the
 * same path when both say one, around the callee's span when it is known, not answered by another span, and not
 * carrying another test's trace. A record that carried exactly this client span's context comes first, then one in
 * its trace, then one without context.
 */
export function recordOf(
  caller: Span,
  service: string,
  wire: WireView,
  skew: bigint,
  callee?: Span,
): WireRecord | undefined {
  const path = pathOf(caller);
  // The call's own request, when the wire shows it: no other request is this call's.
  const sent = requestOf(caller, wire.records, skew);
  const rank = (record: WireRecord): number => {
    const carried = sentContext(record).valid;
    if (carried.some((ids) => ids.traceId === caller.traceId && ids.parentSpanId === caller.spanId)) return 0;
    if (carried.some((ids) => ids.traceId === caller.traceId)) return 1;
    return carried.length === 0 ? 2 : 3;
  };
  return wire.records
    .filter(
      (record) =>
        record.from === caller.service &&
        record.to === service &&
        (sent === undefined || record === sent) &&
        // The tap sees the request go out after the caller started it; the end it records can be late (its event loop).
        startsWithin(caller, record, skew) &&
        (path === undefined || path === wirePath(record)) &&
        (callee === undefined ||
          (startsWithin(record, callee, skew) && samePath(record, callee) && couldArriveAs(record, callee))) &&
        !wire.answeredByOther(record, callee) &&
        !(wire.carriesOthers(record) && rank(record) > 1),
    )
    .sort((a, b) => rank(a) - rank(b))[0];
}

/**
 * The CLIENT/PRODUCER span that made the call which arrived as `callee`, with the reasons, searched in `traces`:
 * never a call that was answered by a span of its own; the one with the strongest evidence (a tap record first),
 * then the latest to start.
 */
export function findCallerOf(
  callee: Span,
  traces: TraceSet,
  wire: WireView,
  skew: bigint,
): ({ caller: Span } & CallEvidence) | undefined {
  let best: ({ caller: Span; score: number } & CallEvidence) | undefined;
  // `startsWithin(span, callee, skew)` as two comparisons with bounds computed once: a trace of 100k spans is
  // scanned for each break, and most of its spans are not running when the callee began.
  const latestStart = callee.startTimeUnixNano + skew;
  const earliestEnd = callee.startTimeUnixNano - skew;
  for (const trace of traces) {
    for (const span of trace.spans) {
      if (span.startTimeUnixNano > latestStart || span.endTimeUnixNano < earliestEnd || !OUTGOING.has(span.kind)) {
        continue;
      }
      const evidence = callEvidence(span, callee, wire, skew);
      if (!evidence) continue;
      const score = (evidence.record ? 10 : 0) + evidence.reasons.length;
      const better =
        best === undefined ||
        score > best.score ||
        (score === best.score && span.startTimeUnixNano > best.caller.startTimeUnixNano);
      // A call that was answered by a span of its own (its context arrived) is not this call (asked only of a
      // span that would be taken: most candidates on a large trace never need their children listed).
      if (!better || trace.children(span).some((child) => child !== callee && INCOMING.has(child.kind))) continue;
      best = { caller: span, ...evidence, score };
    }
  }
  if (!best) return undefined;
  const { score: _score, ...found } = best;
  return found;
}

/**
 * The request a CLIENT/PRODUCER span sent, when a tap saw it carry that span's context: the one request that named
 * its span id as the parent, or else the one that carried its trace while it ran (a wrong parent id still names the
 * trace). Undefined when the wire does not say (no such request, or several).
 *
 * @example
 * const sent = requestOf(clientSpan, wire.records, skew); // then no other request on the wire is this call's
 */
export function requestOf(
  call: Span,
  records: readonly WireRecord[],
  skew: bigint,
  isOtherSpan: (spanId: string) => boolean = () => false,
): WireRecord | undefined {
  const during = records.filter((record) => record.from === call.service && startsWithin(call, record, skew));
  const named = during.filter((record) => sentContext(record).valid.some((ids) => ids.parentSpanId === call.spanId));
  if (named.length > 0) return named.length === 1 ? named[0] : undefined;
  const inTrace = during.filter((record) =>
    sentContext(record).valid.some((ids) => ids.traceId === call.traceId && !isOtherSpan(ids.parentSpanId)),
  );
  return inTrace.length === 1 ? inTrace[0] : undefined;
}
