import type { Span } from '../../model/Span.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import type { WireRecord } from '../../model/WireRecord.ts';
import { encloses, OUTGOING, pathOf, peerOf, startsWithin, wirePath } from './spanRelations.ts';

/**
 * Why a CLIENT/PRODUCER span is taken for the call that reached `callee` (a span of the called service): it
 * encloses it in time and it called that service (by the tap's record, its peer address, or the path), or
 * undefined when nothing ties the two together.
 */
export function callEvidence(
  caller: Span,
  callee: Span,
  wire: readonly WireRecord[],
  skew: bigint,
): { reasons: string[]; record?: WireRecord } | undefined {
  if (!OUTGOING.has(caller.kind) || caller.spanId === callee.spanId || !encloses(caller, callee, skew)) {
    return undefined;
  }
  const record = recordOf(caller, callee.service, wire, skew, callee);
  if (record) return { reasons: [`the tap saw it call ${callee.service} (${record.method} ${record.path})`], record };
  const reasons: string[] = [];
  if (peerOf(caller) === callee.service) reasons.push(`it called ${callee.service}`);
  const path = pathOf(callee);
  if (path !== undefined && pathOf(caller) === path) reasons.push(`it requested ${path}`);
  return reasons.length > 0 ? { reasons } : undefined;
}

/**
 * The tap's record of the request a client span sent to `service`: on that link, within the client span, on the
 * same path when both say one, and (when the callee's span is known) around it.
 */
export function recordOf(
  caller: Span,
  service: string,
  wire: readonly WireRecord[],
  skew: bigint,
  callee?: Span,
): WireRecord | undefined {
  const path = pathOf(caller);
  return wire.find(
    (record) =>
      record.from === caller.service &&
      record.to === service &&
      encloses(caller, record, skew) &&
      (path === undefined || path === wirePath(record)) &&
      (callee === undefined || startsWithin(record, callee, skew)),
  );
}

/**
 * The CLIENT/PRODUCER span that made the call which arrived as `callee`, with the reasons, searched in `traces`;
 * the one with the strongest evidence (a tap record first), then the latest to start.
 */
export function findCallerOf(
  callee: Span,
  traces: TraceSet,
  wire: readonly WireRecord[],
  skew: bigint,
): { caller: Span; reasons: string[]; record?: WireRecord } | undefined {
  let best: { caller: Span; reasons: string[]; record?: WireRecord; score: number } | undefined;
  for (const trace of traces) {
    for (const span of trace.spans) {
      const evidence = callEvidence(span, callee, wire, skew);
      if (!evidence) continue;
      // A caller whose context arrived elsewhere already has its callee: this is not its call.
      if (trace.children(span).some((child) => child !== callee && child.service === callee.service)) continue;
      const score = (evidence.record ? 10 : 0) + evidence.reasons.length;
      if (
        best === undefined ||
        score > best.score ||
        (score === best.score && span.startTimeUnixNano > best.caller.startTimeUnixNano)
      ) {
        best = { caller: span, ...evidence, score };
      }
    }
  }
  if (!best) return undefined;
  const { score: _score, ...found } = best;
  return found;
}
