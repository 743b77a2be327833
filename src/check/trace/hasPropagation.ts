import type { Span } from '../../model/Span.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import { describeSpan } from '../../render/describeSpan.ts';
import { renderTraces } from '../../render/renderTraces.ts';
import type { CheckResult } from '../CheckResult.ts';
import { checkMessage } from '../checkMessage.ts';

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

const OUTGOING: ReadonlySet<string> = new Set(['client', 'producer']);
const INCOMING: ReadonlySet<string> = new Set(['server', 'consumer']);

/**
 * Checks that context propagated from one service to another: a CLIENT (or PRODUCER) span in `from` is the parent
 * of a SERVER (or CONSUMER) span in `to`.
 *
 * @example
 * hasPropagation(set, { from: 'gateway', to: 'orders' });
 */
export function hasPropagation(set: TraceSet, hop: PropagationHop): CheckResult {
  const links: [Span, Span][] = [];
  const outgoing: Span[] = [];
  const incoming: Span[] = [];
  for (const trace of set) {
    for (const span of trace.spans) {
      if (span.service === hop.from && OUTGOING.has(span.kind)) outgoing.push(span);
      if (span.service !== hop.to || !INCOMING.has(span.kind)) continue;
      incoming.push(span);
      const parent = trace.parent(span);
      if (parent && parent.service === hop.from && OUTGOING.has(parent.kind)) links.push([parent, span]);
    }
  }
  const pass = links.length > 0;
  return {
    pass,
    message: () => {
      const expected = `${pass ? 'no' : 'a'} client/producer span in ${hop.from} as the parent of a server/consumer span in ${hop.to}`;
      if (pass) {
        return checkMessage({
          expected,
          received: `${links.length} propagated call${links.length === 1 ? '' : 's'}:`,
          details: links.map(([from, to]) => `  ${describeSpan(from)} -> ${describeSpan(to)}`),
        });
      }
      const why: string[] = [];
      if (outgoing.length === 0)
        why.push(`${hop.from} recorded no client or producer span (is its outgoing call instrumented?)`);
      if (incoming.length === 0)
        why.push(`${hop.to} recorded no server or consumer span (is it instrumented, and are its spans exported?)`);
      for (const span of incoming) {
        const parent = set.traceOf(span)?.parent(span);
        why.push(
          parent
            ? `${describeSpan(span)} has parent ${describeSpan(parent)}`
            : span.parentSpanId
              ? `${describeSpan(span)} has parent id ${span.parentSpanId}, which is not in the traces`
              : `${describeSpan(span)} is a root: it started its own trace, so no context arrived`,
        );
      }
      const marks = new Map<Span, string>([
        ...outgoing.map((span): [Span, string] => [span, `◀ ${hop.from} outgoing`]),
        ...incoming.map((span): [Span, string] => [span, `◀ ${hop.to} incoming`]),
      ]);
      return checkMessage({
        expected,
        received: 'none',
        details: why.map((line) => `  - ${line}`),
        blocks: [renderTraces(set, { marks })],
      });
    },
  };
}
