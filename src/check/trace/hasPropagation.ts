import { failureMarks } from '../../model/FailureMarks.ts';
import type { Span } from '../../model/Span.ts';
import type { Trace } from '../../model/Trace.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import { describeSpan } from '../../render/describeSpan.ts';
import { renderTraces } from '../../render/renderTraces.ts';
import type { CheckResult } from '../CheckResult.ts';
import { checkMessage } from '../checkMessage.ts';
import type { ConnectedOptions } from './isConnected.ts';
import { hopMark, marksOf } from './isConnected.ts';
import { diagnoseLostContext } from './lostContext/diagnoseLostContext.ts';
import type { BrokenHop, LostContextCause } from './lostContext/LostContext.ts';
import { renderWireEvidence } from './lostContext/renderWireEvidence.ts';
import { INCOMING, OUTGOING } from './lostContext/spanRelations.ts';

/**
 * Which hop {@link hasPropagation} checks: from a calling service to a called one.
 *
 * @example
 * const hop: PropagationHop = { from: 'gateway', to: 'orders' };
 */
export interface PropagationHop {
  readonly from: string;
  readonly to: string;
}

/**
 * Checks that context propagated from one service to another: a CLIENT (or PRODUCER) span in `from` is the parent
 * of a SERVER (or CONSUMER) span in `to`, and no call from `from` to `to` lost the context. A failure says why,
 * with the same diagnosis as `isConnected`: it looks in the split-off traces that belong to the test and in what
 * the recording taps saw, so a callee that went on in a trace of its own is found and the side that lost the
 * context is named.
 *
 * The check is about this one hop. A call in a split-off trace of the test counts when the context was lost
 * upstream (this hop passed on what it had), but not when `from` lost it itself: a call made outside the request's
 * context, or handling that ran under a new root, sent a new trace on, never the request's. Every call of the hop
 * must carry the context: one that lost it fails the check even beside calls that did, unless it may belong to a
 * concurrent test.
 *
 * @example
 * hasPropagation(traces.traceSet(), { from: 'gateway', to: 'orders' }, traces.evidence());
 */
export function hasPropagation(given: TraceSet, hop: PropagationHop, options: ConnectedOptions = {}): CheckResult {
  // The test's traces with the split-off traces that are its own: a hop may have propagated in one of those.
  const diagnosis = diagnoseLostContext({ ...options, traces: given });
  const set = diagnosis.traces;
  // A loss inside `from` (its call, or its handling, began a new trace while it served the test's request): the
  // calls made under it carried that new trace, not the request's, whatever the callee did with it.
  const inside = new Map(
    diagnosis.hops.flatMap((lost): [Span, BrokenHop][] =>
      LOST_INSIDE.has(lost.cause) && lost.span ? [[lost.span, lost]] : [],
    ),
  );
  const links: [Span, Span][] = [];
  const broken = new Set(
    diagnosis.hops.filter(
      (lost) => lost.to === hop.to && (lost.from === hop.from || lost.caller?.service === hop.from),
    ),
  );
  for (const trace of set) {
    for (const span of trace.spans) {
      if (span.service !== hop.to || !INCOMING.has(span.kind)) continue;
      const parent = trace.parent(span);
      if (!parent || parent.service !== hop.from || !OUTGOING.has(parent.kind)) continue;
      const lostInside = inside.get(localTop(trace, parent));
      if (lostInside) broken.add(lostInside);
      else links.push([parent, span]);
    }
  }
  // Every call of the hop must carry the context: one lost call fails it, unless it may be a concurrent test's.
  const lostHere = [...broken].filter((lost) => links.length === 0 || !lost.mayBelongToConcurrentTest);
  const pass = links.length > 0 && lostHere.length === 0;
  return {
    pass,
    marks: () => {
      if (pass) {
        return failureMarks(
          new Map(
            links.flatMap(([from, to]): [Span, string][] => [
              [from, '◀ caller'],
              [to, '◀ callee'],
            ]),
          ),
        );
      }
      const lost = lostHere;
      return lost.length > 0
        ? failureMarks(marksOf(lost), lost.map(hopMark))
        : failureMarks(new Map(), [{ from: hop.from, to: hop.to, note: 'no call recorded' }]);
    },
    message: () => {
      const expected = `${pass ? 'no' : 'a'} client/producer span in ${hop.from} as the parent of a server/consumer span in ${hop.to}`;
      if (pass) {
        return checkMessage({
          expected,
          received: `${links.length} propagated call${links.length === 1 ? '' : 's'}:`,
          details: links.map(([from, to]) => `  ${describeSpan(from)} -> ${describeSpan(to)}`),
        });
      }
      const lost = lostHere;
      const why =
        lost.length > 0
          ? lost.flatMap((item) => [`  - ${item.description}`, `    → ${item.advice}`])
          : absent(diagnosis.traces, hop);
      const propagated = links.map(([from, to]) => `  propagated: ${describeSpan(from)} -> ${describeSpan(to)}`);
      return checkMessage({
        expected,
        received:
          links.length === 0
            ? 'none'
            : `${links.length} propagated call${links.length === 1 ? '' : 's'}, and ${lost.length} that lost the context:`,
        details: links.length === 0 ? why : [...propagated, ...why],
        blocks: [renderWireEvidence(lost), renderTraces(diagnosis.traces, { marks: marksOf(lost) })],
      });
    },
  };
}

/** Causes where the context was lost inside a service, after it had received the request's context. */
const LOST_INSIDE: ReadonlySet<LostContextCause> = new Set(['call-outside-context', 'work-in-new-root']);

/** The highest ancestor of `span` in its own service: where that service's part of the trace begins. */
function localTop(trace: Trace, span: Span): Span {
  let top = span;
  for (let parent = trace.parent(top); parent && parent.service === top.service; parent = trace.parent(top)) {
    top = parent;
  }
  return top;
}

/** Why no call was found when no lost context explains it: what each side recorded, including split-off traces. */
function absent(set: TraceSet, hop: PropagationHop): string[] {
  const outgoing = set.spans.filter((span) => span.service === hop.from && OUTGOING.has(span.kind));
  const incoming = set.spans.filter((span) => span.service === hop.to && INCOMING.has(span.kind));
  const why: string[] = [];
  if (outgoing.length === 0) why.push(`  - ${hop.from} recorded no client or producer span in this test's traces`);
  if (incoming.length === 0) {
    why.push(
      `  - ${hop.to} recorded no server or consumer span in this test's traces (nor in a split-off trace of the test)`,
    );
  }
  for (const span of incoming) {
    const parent = set.traceOf(span)?.parent(span);
    if (parent) why.push(`  - ${describeSpan(span)} has parent ${describeSpan(parent)}`);
  }
  if (why.length === 0) why.push(`  - no call from ${hop.from} to ${hop.to} was recorded`);
  return why;
}
