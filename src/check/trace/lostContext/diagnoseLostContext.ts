import type { Span } from '../../../model/Span.ts';
import { Trace } from '../../../model/Trace.ts';
import { TraceSet } from '../../../model/TraceSet.ts';
import type { WireRecord } from '../../../model/WireRecord.ts';
import { attributeStrays } from './attributeStrays.ts';
import { findCallerOf } from './callEvidence.ts';
import { explain } from './explainCause.ts';
import { judgeWire } from './judgeWire.ts';
import type { BrokenHop } from './LostContext.ts';
import type { PropagationEvidence } from './PropagationEvidence.ts';
import { couldArriveAs, sentContext } from './sentContext.ts';
import { INCOMING, OUTGOING, sameInstance, startsWithin } from './spanRelations.ts';
import { type WireView, wireView } from './WireView.ts';

/**
 * The outcome of {@link diagnoseLostContext}.
 *
 * @example
 * const { traces: attributed, hops }: LostContextDiagnosis = diagnoseLostContext(traces.evidence());
 */
export interface LostContextDiagnosis {
  /** The test's traces with the split-off traces that belong to it, as one set. */
  readonly traces: TraceSet;
  /** Every place where the test's trace context was lost, in the order of the trace. */
  readonly hops: readonly BrokenHop[];
}

const EMPTY = new TraceSet([]);

/**
 * Finds every place where a test's trace context was lost and says why, from the strongest evidence there is: what
 * the recording taps saw on the wire, then facts about the spans, and otherwise an inference that names every
 * possibility. Split-off traces (strays) are taken in only when the evidence ties them to this test; one that a
 * concurrent test could own as well is reported with `mayBelongToConcurrentTest`.
 *
 * @example
 * const { hops } = diagnoseLostContext({ traces: set, strays, others, wire });
 * hops[0]?.description; // 'orders -> inventory: orders sent no trace context on GET /stock/book (…)'
 */
export function diagnoseLostContext(evidence: PropagationEvidence): LostContextDiagnosis {
  const skew = BigInt(Math.round((evidence.skewMs ?? 5) * 1e6));
  const wire = evidence.wire ?? [];
  const own = evidence.traces;
  const others = evidence.others ?? EMPTY;
  const otherIds = evidence.otherTraceIds ?? new Set<string>();
  const known = { own, others, otherIds, spans: [...own.spans, ...(evidence.strays?.spans ?? []), ...others.spans] };
  const view = wireView(wire, known);
  const strays = attributeStrays(evidence.strays ?? EMPTY, {
    own,
    others,
    otherIds,
    wire: view,
    skew,
    concurrent: evidence.concurrentTests ?? others.size > 0,
  });
  const shared = new Set(strays.filter((stray) => stray.shared).map((stray) => stray.trace.traceId));
  const traces = new TraceSet(Trace.sort([...own.traces, ...strays.map((stray) => stray.trace)]));
  // Each record explains one break at most: the ones already taken are out of view for the next.
  const used = new Set<WireRecord>();
  const context: BreakContext = { traces, own, others, wire: wireView(wire, known, used), skew, shared, used };
  const hops: BrokenHop[] = [];
  const [main, ...rest] = own.traces;
  const tops: Span[] = [];
  if (main) tops.push(...main.roots.slice(1), ...main.orphans);
  for (const trace of traces) {
    if (trace === main) continue;
    if (!rest.includes(trace) && !strays.some((stray) => stray.trace === trace)) continue;
    tops.push(...trace.tops);
  }
  // The test's own breaks first, so that a record goes to the break it certainly explains.
  tops.sort((a, b) => Number(shared.has(a.traceId)) - Number(shared.has(b.traceId)));
  for (const top of tops) {
    const hop = classify(top, context);
    if (hop.wire) used.add(hop.wire);
    hops.push(hop);
  }
  hops.push(...unexported(context));
  return { traces, hops };
}

interface BreakContext {
  readonly traces: TraceSet;
  readonly own: TraceSet;
  readonly others: TraceSet;
  readonly wire: WireView;
  readonly used: Set<WireRecord>;
  readonly skew: bigint;
  readonly shared: ReadonlySet<string>;
}

function classify(span: Span, context: BreakContext): BrokenHop {
  const mayBelongToConcurrentTest = context.shared.has(span.traceId);
  if (INCOMING.has(span.kind)) return incoming(span, context, mayBelongToConcurrentTest);
  const serving = servingSpan(span, context);
  if (OUTGOING.has(span.kind) && serving && span.parentSpanId === undefined) {
    // The request that carried the new trace on: what the tap saw leave with this client span's context.
    const record = context.wire.records.find((r) =>
      sentContext(r).valid.some((ids) => ids.traceId === span.traceId && ids.parentSpanId === span.spanId),
    );
    return explain({
      cause: 'call-outside-context',
      certainty: 'spans',
      from: span.service,
      to: record?.to ?? span.service,
      span,
      serving,
      ...(record ? { wire: record } : {}),
      mayBelongToConcurrentTest,
    });
  }
  if (serving && span.parentSpanId === undefined) {
    return explain({
      cause: 'work-in-new-root',
      certainty: 'spans',
      to: span.service,
      span,
      serving,
      mayBelongToConcurrentTest,
    });
  }
  const found = findCallerOf(span, context.traces, wireFor(span, context), context.skew);
  if (found && span.parentSpanId === undefined) {
    return explain({
      cause: 'callee-no-server-span',
      certainty: found.record ? 'wire' : found.weak ? 'inferred' : 'spans',
      from: found.caller.service,
      to: span.service,
      span,
      caller: found.caller,
      reasons: found.reasons,
      ...(found.record ? { wire: found.record } : {}),
      mayBelongToConcurrentTest,
    });
  }
  return explain({
    cause: span.parentSpanId === undefined ? 'caller-unknown' : 'parent-missing',
    certainty: span.parentSpanId === undefined ? 'spans' : 'inferred',
    to: span.service,
    span,
    ...(found ? { caller: found.caller, reasons: found.reasons } : {}),
    mayBelongToConcurrentTest,
  });
}

/**
 * The records that may explain a break: all of them for the test's own split-off traces; none for one that may
 * belong to a concurrent test, where requests of both tests went into the service at that time and nothing tells
 * which one it was (its diagnosis then rests on the spans, and says so).
 */
function wireFor(span: Span, context: BreakContext): WireView {
  return context.shared.has(span.traceId) ? NO_WIRE : context.wire;
}

const NO_WIRE: WireView = Object.freeze({
  records: [],
  answeredByOther: () => false,
  carriesOthers: () => false,
  carriesOwn: () => false,
});

/** A SERVER/CONSUMER span broke away: what the caller sent decides who lost the context. */
function incoming(span: Span, context: BreakContext, mayBelongToConcurrentTest: boolean): BrokenHop {
  const wire = wireFor(span, context);
  const guess = findCallerOf(span, context.traces, wire, context.skew);
  const record = guess?.record ?? (wire === context.wire ? requestInto(span, context) : undefined);
  // A caller is named only when the tap's record agrees with it (the request left while it ran).
  const found =
    guess && (guess.record || !record || startsWithin(guess.caller, record, context.skew)) ? guess : undefined;
  const base = {
    from: found?.caller.service ?? record?.from,
    to: span.service,
    span,
    ...(found ? { caller: found.caller, reasons: found.reasons } : {}),
    mayBelongToConcurrentTest,
  };
  if (record) return explain({ ...base, wire: record, ...judgeWire(record, found?.caller, context.own, span) });
  if (found && span.parentSpanId === found.caller.spanId && span.traceId !== found.caller.traceId) {
    // The callee names the caller's client span as its parent, in another trace: the trace id changed on the way.
    return explain({ ...base, cause: 'caller-sent-other-trace', certainty: 'inferred' });
  }
  if (span.parentSpanId !== undefined) return explain({ ...base, cause: 'parent-missing', certainty: 'inferred' });
  if (found) return explain({ ...base, cause: 'not-continued', certainty: 'inferred' });
  return explain({ ...base, cause: 'caller-unknown', certainty: 'spans' });
}

/**
 * Without a caller span to go by, the tap's record of the request that arrived as `span`: one around its start on a
 * link into its service, preferring a record that carried this test's trace, then one that carried none; never
 * one that carried another test's trace.
 */
function requestInto(span: Span, context: BreakContext): WireRecord | undefined {
  const { wire, skew } = context;
  const around = wire.records.filter(
    (r) =>
      r.to === span.service &&
      startsWithin(r, span, skew) &&
      couldArriveAs(r, span) &&
      !wire.answeredByOther(r, span) &&
      !wire.carriesOthers(r),
  );
  const rank = (record: WireRecord) => (wire.carriesOwn(record) ? 0 : sentContext(record).valid.length === 0 ? 1 : 2);
  return around.sort((a, b) => rank(a) - rank(b))[0];
}

/** A SERVER/CONSUMER span of the same service instance that was handling a request of the test when `span` began. */
function servingSpan(span: Span, context: BreakContext): Span | undefined {
  let found: Span | undefined;
  for (const trace of context.own) {
    for (const candidate of trace.spans) {
      if (
        candidate === span ||
        !INCOMING.has(candidate.kind) ||
        !sameInstance(candidate, span) ||
        !startsWithin(candidate, span, context.skew)
      ) {
        continue;
      }
      // A request whose work all went elsewhere explains a new root best.
      if (trace.children(candidate).length === 0) return candidate;
      found ??= candidate;
    }
  }
  return found;
}

/**
 * Requests the taps saw that carried this test's trace context, where the callee recorded no span at all around the
 * request: handled, but its spans never arrived. Only a record that carried the test's own trace counts: a request
 * without context, or with another test's, may belong to anyone.
 */
function unexported(context: BreakContext): BrokenHop[] {
  const hops: BrokenHop[] = [];
  for (const record of context.wire.records) {
    const carried = sentContext(record).valid.find((ids) => context.own.get(ids.traceId));
    if (!carried) continue;
    // Answered: some span continued it; or a span of the callee in the test's traces (a split-off trace included)
    // began during it, and is explained as a break of its own.
    if (context.wire.answeredByOther(record)) continue;
    const during = context.traces.spans.filter(
      (span) => span.service === record.to && startsWithin(record, span, context.skew),
    );
    // A span of the callee in the test's own traces explains it as a break of its own. One only in a split-off
    // trace that may be a concurrent test's leaves the question open: said, and inferred.
    if (during.some((span) => !context.shared.has(span.traceId))) continue;
    const doubt = during.length > 0;
    const caller = context.own
      .get(carried.traceId)
      ?.spans.find((span) => span.spanId === carried.parentSpanId && OUTGOING.has(span.kind));
    hops.push(
      explain({
        cause: 'not-exported',
        certainty: doubt ? 'inferred' : 'wire',
        from: record.from,
        to: record.to,
        ...(caller ? { caller } : {}),
        wire: record,
        mayBelongToConcurrentTest: false,
        ...(doubt
          ? {
              note: `a split-off trace of ${record.to} began during it that may be this request's or a concurrent test's`,
            }
          : {}),
      }),
    );
  }
  return hops;
}
