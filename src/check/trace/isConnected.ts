import { failureMarks, type HopMark } from '../../model/FailureMarks.ts';
import type { Span } from '../../model/Span.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import { renderTraces } from '../../render/renderTraces.ts';
import type { CheckResult } from '../CheckResult.ts';
import { checkMessage } from '../checkMessage.ts';
import { diagnoseLostContext } from './lostContext/diagnoseLostContext.ts';
import type { BrokenHop } from './lostContext/LostContext.ts';
import type { PropagationEvidence } from './lostContext/PropagationEvidence.ts';
import { renderWireEvidence } from './lostContext/renderWireEvidence.ts';

/**
 * Options of {@link isConnected}: the evidence besides the traces (a test's `traces.evidence()` gives all of it).
 *
 * @example
 * isConnected(traces.traceSet(), { wire: collector.store.wire() } satisfies ConnectedOptions);
 */
export type ConnectedOptions = Omit<PropagationEvidence, 'traces'>;

/**
 * Checks that spans form one connected trace: one trace id, exactly one root, every parent present, and no
 * split-off trace that belongs to the test (a service that lost the context and went on recording). A failure names
 * each hop that lost context and why, from the recording taps' wire evidence when there is some ("orders sent no
 * trace context"), from the spans otherwise, and says "inferred" when it can only infer.
 *
 * @example
 * const result = isConnected(traces.traceSet(), traces.evidence());
 * // orders -> inventory: orders sent no trace context on GET /stock/book (answered 200): the tap between them saw no traceparent, …
 */
export function isConnected(given: TraceSet, options: ConnectedOptions = {}): CheckResult {
  const { traces: set, hops } = diagnoseLostContext({ ...options, traces: given });
  const pass = set.size === 1 && hops.length === 0;
  return {
    pass,
    message: () => {
      if (set.size === 0) {
        return checkMessage({ expected: 'one connected trace', received: 'no spans', blocks: [renderTraces(set)] });
      }
      if (pass) {
        const trace = set.traces[0];
        return checkMessage({
          expected: 'not one connected trace',
          received: `one trace (${trace?.traceId}) of ${trace?.size} spans, one root, every parent present`,
          blocks: [renderTraces(set)],
        });
      }
      return checkMessage({
        expected: 'one connected trace (one trace id, one root, every parent present)',
        received: `${set.size} trace${set.size === 1 ? '' : 's'}, ${hops.length} broken hop${hops.length === 1 ? '' : 's'}:`,
        details: hops.flatMap((hop, i) => [`  ${i + 1}. ${hop.description}`, `     → ${hop.advice}`]),
        blocks: [renderWireEvidence(hops), renderTraces(set, { marks: marksOf(hops) })],
      });
    },
    marks: () => failureMarks(marksOf(hops), hops.map(hopMark)),
  };
}

/**
 * A broken hop as the failure's pictures draw it: caller -> callee (the callee alone when the caller is unknown),
 * with the few words of its cause.
 *
 * @example
 * hops.map(hopMark); // [{ from: 'orders', to: 'inventory', note: 'not continued (inferred)' }]
 */
export function hopMark(hop: BrokenHop): HopMark {
  const note = hop.label;
  return hop.from === undefined || hop.from === hop.to ? { to: hop.to, note } : { from: hop.from, to: hop.to, note };
}

/**
 * Every place where the context was lost, with its cause.
 *
 * @example
 * for (const hop of brokenHops(set, traces.evidence())) console.log(hop.description);
 */
export function brokenHops(set: TraceSet, options: ConnectedOptions = {}): readonly BrokenHop[] {
  return diagnoseLostContext({ ...options, traces: set }).hops;
}

/** The marks the tree shows next to the spans of each broken hop. */
export function marksOf(hops: readonly BrokenHop[]): Map<Span, string> {
  const marks = new Map<Span, string>();
  for (const [i, hop] of hops.entries()) {
    if (hop.span) marks.set(hop.span, `◀ ${i + 1}: ${hop.span.parentSpanId ? 'parent missing' : 'context lost here'}`);
    if (hop.caller && !marks.has(hop.caller)) marks.set(hop.caller, `◀ ${i + 1}: caller`);
  }
  return marks;
}
