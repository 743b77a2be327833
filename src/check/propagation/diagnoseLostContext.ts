import type { Span } from '../../model/Span.ts';
import { Trace } from '../../model/Trace.ts';
import { TraceSet } from '../../model/TraceSet.ts';
import type { WireRecord } from '../../model/WireRecord.ts';
import { attributeStrays } from './attributeStrays.ts';
import { findCallerOf } from './callEvidence.ts';
import { explain } from './explainCause.ts';
import { judgeWire } from './judgeWire.ts';
import type { BrokenHop } from './LostContext.ts';
import type { PropagationEvidence } from './PropagationEvidence.ts';
import { sentContext } from './sentContext.ts';
import { encloses, INCOMING, OUTGOING, sameInstance, startsWithin } from './spanRelations.ts';

/** The outcome of {@link diagnoseLostContext}. */
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
  const strays = attributeStrays(evidence.strays ?? EMPTY, { own, others, wire, skew });
  const shared = new Set(strays.filter((stray) => stray.shared).map((stray) => stray.trace.traceId));
  const traces = new TraceSet(Trace.sort([...own.traces, ...strays.map((stray) => stray.trace)]));
  const context: BreakContext = { traces, own, others, wire, skew, shared };
  const hops: BrokenHop[] = [];
  const [main, ...rest] = own.traces;
  if (main) {
    for (const extra of main.roots.slice(1)) hops.push(classify(extra, context));
    for (const orphan of main.orphans) hops.push(classify(orphan, context));
  }
  for (const trace of traces) {
    if (trace === main) continue;
    if (!rest.includes(trace) && !strays.some((stray) => stray.trace === trace)) continue;
    for (const top of trace.tops) hops.push(classify(top, context));
  }
  hops.push(...unexported(evidence, context));
  return { traces, hops };
}

interface BreakContext {
  readonly traces: TraceSet;
  readonly own: TraceSet;
  readonly others: TraceSet;
  readonly wire: readonly WireRecord[];
  readonly skew: bigint;
  readonly shared: ReadonlySet<string>;
}

function classify(span: Span, context: BreakContext): BrokenHop {
  const mayBelongToConcurrentTest = context.shared.has(span.traceId);
  if (INCOMING.has(span.kind)) return incoming(span, context, mayBelongToConcurrentTest);
  const serving = servingSpan(span, context);
  if (OUTGOING.has(span.kind) && serving && span.parentSpanId === undefined) {
    const record = context.wire.find((r) => r.from === span.service && encloses(span, r, context.skew));
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
  const found = findCallerOf(span, context.traces, context.wire, context.skew);
  if (found && span.parentSpanId === undefined) {
    return explain({
      cause: 'callee-no-server-span',
      certainty: found.record ? 'wire' : 'spans',
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

/** A SERVER/CONSUMER span broke away: what the caller sent decides who lost the context. */
function incoming(span: Span, context: BreakContext, mayBelongToConcurrentTest: boolean): BrokenHop {
  const found = findCallerOf(span, context.traces, context.wire, context.skew);
  const record =
    found?.record ?? context.wire.find((r) => r.to === span.service && startsWithin(r, span, context.skew) && !found);
  const base = {
    from: found?.caller.service ?? record?.from,
    to: span.service,
    span,
    ...(found ? { caller: found.caller, reasons: found.reasons } : {}),
    mayBelongToConcurrentTest,
  };
  if (record) return explain({ ...base, wire: record, ...judgeWire(record, found?.caller, context.own, span) });
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
  const around = context.wire.filter((r) => r.to === span.service && startsWithin(r, span, context.skew));
  const rank = (record: WireRecord) => {
    const traces = sentContext(record).valid.map((ids) => ids.traceId);
    if (traces.some((id) => context.own.get(id))) return 0;
    if (traces.some((id) => context.others.get(id))) return 3;
    return traces.length === 0 ? 1 : 2;
  };
  return around.filter((record) => rank(record) < 3).sort((a, b) => rank(a) - rank(b))[0];
}

/** A SERVER/CONSUMER span of the same service instance that was handling a request of the test when `span` began. */
function servingSpan(span: Span, context: BreakContext): Span | undefined {
  for (const trace of context.own) {
    for (const candidate of trace.spans) {
      if (
        candidate !== span &&
        INCOMING.has(candidate.kind) &&
        sameInstance(candidate, span) &&
        encloses(candidate, span, context.skew)
      ) {
        return candidate;
      }
    }
  }
  return undefined;
}

/**
 * Requests the taps saw that carried the test's context (or that a call of the test's made), where the callee
 * recorded no span at all: handled, but its spans never arrived.
 */
function unexported(evidence: PropagationEvidence, context: BreakContext): BrokenHop[] {
  const everything = [...context.traces.spans, ...(evidence.strays?.spans ?? []), ...(evidence.others?.spans ?? [])];
  const hops: BrokenHop[] = [];
  for (const record of context.wire) {
    const caller = context.own.spans.find(
      (span) => OUTGOING.has(span.kind) && span.service === record.from && encloses(span, record, context.skew),
    );
    if (!caller) continue;
    const seen = everything.some((span) => span.service === record.to && startsWithin(record, span, context.skew));
    if (seen) continue;
    hops.push(
      explain({
        cause: 'not-exported',
        certainty: 'wire',
        from: record.from,
        to: record.to,
        caller,
        wire: record,
        mayBelongToConcurrentTest: false,
      }),
    );
  }
  return hops;
}
