import type { Span } from '../../../model/Span.ts';
import type { Trace } from '../../../model/Trace.ts';
import type { TraceSet } from '../../../model/TraceSet.ts';
import type { WireRecord } from '../../../model/WireRecord.ts';
import { callEvidence, requestOf } from './callEvidence.ts';
import { couldArriveAs, sentContext } from './sentContext.ts';
import { INCOMING, OUTGOING, pathOf, sameInstance, samePath, startsWithin, wirePath } from './spanRelations.ts';
import type { WireView } from './WireView.ts';

/** A trace nobody claimed that belongs to the test, by evidence; `shared` when a concurrent test may own it too. */
export interface AttributedStray {
  readonly trace: Trace;
  readonly shared: boolean;
}

interface Context {
  readonly own: TraceSet;
  readonly others: TraceSet;
  readonly otherIds: ReadonlySet<string>;
  readonly wire: WireView;
  readonly skew: bigint;
  /** Other tests ran at the same time (see `PropagationEvidence.concurrentTests`). */
  readonly concurrent: boolean;
}

/**
 * How strongly a set of traces (a test's) claims a stray (the tap's trace context, which decides by itself, aside):
 * 2   - a call of the set's to the stray's service, answered by no span of its own, was running when it began; or the stray is
 *       a call (or work that calls out) of a service that was handling a request of the set with no span below it
 *       at all (the request's work went elsewhere);
 * 1.5 - a call of the set's that nothing answered was running when it began, nothing more (the set has a broken call);
 * 1   - the stray's service was handling a request of the set, which has work of its own below it;
 * 0   - nothing ties them.
 */
type Strength = 0 | 1 | 1.5 | 2;

/**
 * Which split-off traces belong to the test, by evidence (see the strengths above).
 *
 * - The trace context the taps saw decides when there is one: the stray is the test's if an unanswered request of
 *   the test's went into its service when it began; if a request of another test's did too, it is shared.
 * - Otherwise the spans decide, and only while no other test runs is that certain: with tests running beside it
 *   (whose spans may not even have arrived), a stray that an unanswered call of the test's explains is kept but
 *   marked shared ("may belong to a concurrent test"), and one that only a busy service ties to the test is not
 *   taken at all.
 *
 * @example
 * const mine = attributeStrays(strays, { own, others, otherIds, wire, skew: 5_000_000n, concurrent: false });
 */
export function attributeStrays(strays: TraceSet, context: Context): AttributedStray[] {
  const attributed: AttributedStray[] = [];
  for (const trace of strays) {
    if (context.own.get(trace.traceId)) continue;
    const owners = new Set<'mine' | 'theirs'>();
    for (const top of trace.tops) for (const owner of wireOwners(top, context)) owners.add(owner);
    if (owners.size > 0) {
      if (owners.has('mine')) attributed.push({ trace, shared: owners.has('theirs') });
      continue;
    }
    let mine: Strength = 0;
    let theirs: Strength = 0;
    for (const top of trace.tops) {
      mine = Math.max(mine, claim(top, trace, context.own, context)) as Strength;
      theirs = Math.max(theirs, claim(top, trace, context.others, context)) as Strength;
    }
    // With tests running beside it, a busy service alone is no claim (the stray may be anyone's, their spans may not
    // have arrived yet); an unanswered call of the test's that was running when it began is, but not a certain one.
    if (mine === 0 || mine < theirs || (mine === 1 && context.concurrent)) continue;
    attributed.push({ trace, shared: mine === theirs || context.concurrent });
  }
  return attributed;
}

/**
 * Whose request started the stray, by the trace context the taps saw. A request the stray's top continued (its
 * trace and parent ids) is the one: its trace, or the span its parent id names, says whose. Otherwise, for a stray
 * that begins with a request arriving, every unanswered request into the service on the same path, when it began,
 * is a candidate.
 */
function wireOwners(top: Span, context: Context): Set<'mine' | 'theirs'> {
  const { wire, skew } = context;
  const ownerOf = (traceId: string, spanId: string): 'mine' | 'theirs' | undefined => {
    if (context.own.get(traceId) || spanIn(context.own, spanId)) return 'mine';
    if (context.others.get(traceId) || context.otherIds.has(traceId) || spanIn(context.others, spanId)) return 'theirs';
    return undefined;
  };
  const continued = wire.records.filter(
    (record) =>
      record.to === top.service &&
      sentContext(record).valid.some((ids) => ids.traceId === top.traceId && ids.parentSpanId === top.parentSpanId),
  );
  const owners = new Set<'mine' | 'theirs'>();
  for (const record of continued) {
    for (const ids of sentContext(record).valid) {
      const owner = ownerOf(ids.traceId, ids.parentSpanId);
      if (owner) owners.add(owner);
    }
  }
  // Work that began inside a service (a new root, a call out) was not started by a request arriving: the requests
  // the service was serving then tell nothing about it (the spans do, below).
  if (continued.length > 0 || !INCOMING.has(top.kind)) return owners;
  let unknown = false;
  for (const record of wire.records) {
    if (record.to !== top.service || !startsWithin(record, top, skew) || !samePath(record, top)) continue;
    // A request that could not have arrived as this span (it continued a context the request did not carry).
    if (!couldArriveAs(record, top)) continue;
    if (wire.answeredByOther(record, top)) continue;
    const byContext = new Set<'mine' | 'theirs'>();
    for (const ids of sentContext(record).valid) {
      const owner = ownerOf(ids.traceId, ids.parentSpanId);
      if (owner) byContext.add(owner);
    }
    if (byContext.size > 0) {
      for (const owner of byContext) owners.add(owner);
      continue;
    }
    // A request whose context names nobody (none sent, or a trace nobody has): whose unanswered call it was, by
    // the client spans running when it left.
    const mine = unansweredCallIn(context.own, record, wire, skew);
    const theirs = unansweredCallIn(context.others, record, wire, skew);
    if (mine) owners.add('mine');
    // One call makes one request: a call with several such requests on the wire while it ran can tell which is
    // its own only when no other test runs.
    if (theirs || (mine === 'maybe' && context.concurrent)) owners.add('theirs');
    if (!mine && !theirs) unknown = true;
  }
  // A candidate request nobody can be tied to may be a concurrent test's whose spans have not arrived: it makes the
  // stray shared. (Alone it decides nothing: the spans do, below.)
  if (unknown && context.concurrent && owners.size > 0) owners.add('theirs');
  return owners;
}

/**
 * Whether a CLIENT/PRODUCER span of `set`, answered by no span, was running when the request left on its link:
 * `certain` when the request is the only one on that link that could be the call's (one call, one request),
 * `maybe` when the call ran while several did.
 */
function unansweredCallIn(
  set: TraceSet,
  record: WireRecord,
  wire: WireView,
  skew: bigint,
): 'certain' | 'maybe' | undefined {
  let found: 'maybe' | undefined;
  for (const trace of set) {
    for (const span of trace.spans) {
      if (!callCouldSend(span, record, skew)) continue;
      if (trace.children(span).some((child) => INCOMING.has(child.kind))) continue;
      const onLink = wire.records.filter(
        (other) => other !== record && other.to === record.to && callCouldSend(span, other, skew),
      );
      // The call's own request is on the wire already (it carried the call's context): this one is not it.
      const sent = requestOf(span, wire.records, skew, (id) => id !== span.spanId && trace.get(id) !== undefined);
      if (sent !== undefined && sent !== record) continue;
      // Requests that carried a context were some other call's; those without one could be this call's too.
      if (onLink.every((other) => sentContext(other).valid.length > 0)) return 'certain';
      found = 'maybe';
    }
  }
  return found;
}

/** Whether a request on the wire could be the one a CLIENT/PRODUCER span sent: its link, its path, while it ran. */
function callCouldSend(span: Span, record: WireRecord, skew: bigint): boolean {
  if (!OUTGOING.has(span.kind) || span.service !== record.from || !startsWithin(span, record, skew)) return false;
  const path = pathOf(span);
  return path === undefined || path === wirePath(record);
}

function spanIn(set: TraceSet, spanId: string): boolean {
  return set.traces.some((trace) => trace.get(spanId) !== undefined);
}

function claim(top: Span, stray: Trace, set: TraceSet, context: Context): Strength {
  const { wire, skew } = context;
  let strength: Strength = 0;
  for (const trace of set) {
    for (const span of trace.spans) {
      // A call answered by a span of its own (its context arrived) is not the one that went astray.
      if (OUTGOING.has(span.kind) && !trace.children(span).some((child) => INCOMING.has(child.kind))) {
        // Its request, when the wire shows it, was answered by another span: that was its callee.
        const sent = requestOf(span, wire.records, skew, (id) => id !== span.spanId && trace.get(id) !== undefined);
        if (sent && wire.answeredByOther(sent, top)) continue;
        const evidence = callEvidence(span, top, wire, skew);
        if (evidence && !evidence.weak) return 2;
        if (evidence) strength = Math.max(strength, 1.5) as Strength;
      }
      // Work of the same service that began during a request of the set: a new root, or a call outside its
      // context. (A request arriving while another is served tells nothing: services serve many at once.)
      if (
        !INCOMING.has(top.kind) &&
        INCOMING.has(span.kind) &&
        sameInstance(span, top) &&
        startsWithin(span, top, skew)
      ) {
        strength = Math.max(
          strength,
          strayCallsOut(top, stray) && trace.children(span).length === 0 ? 2 : 1,
        ) as Strength;
      }
    }
  }
  return strength;
}

/** True when the split-off work under `top` calls out (or is a call): work a request should have made. */
function strayCallsOut(top: Span, stray: Trace): boolean {
  return OUTGOING.has(top.kind) || stray.descendants(top).some((span) => OUTGOING.has(span.kind));
}
