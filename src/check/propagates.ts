import type { Span } from '../model/Span.ts';
import type { TraceSet } from '../model/TraceSet.ts';
import { describeSpan } from '../render/describeSpan.ts';
import { renderTraces } from '../render/renderTraces.ts';
import type { CheckResult } from './CheckResult.ts';
import { failureMarks } from './FailureMarks.ts';

/** Which hop {@link propagates} checks: from a calling service to a called one. */
export interface PropagationHop {
  readonly from: string;
  readonly to: string;
}

const OUTGOING = new Set(['client', 'producer']);
const INCOMING = new Set(['server', 'consumer']);

/**
 * Checks that context propagated from one service to another: a CLIENT (or PRODUCER) span in `from` is the parent
 * of a SERVER (or CONSUMER) span in `to`.
 *
 * @example
 * propagates(set, { from: 'gateway', to: 'orders' });
 */
export function propagates(set: TraceSet, hop: PropagationHop): CheckResult {
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
  const endpoints = () =>
    new Map<Span, string>([
      ...outgoing.map((span): [Span, string] => [span, `◀ ${hop.from} outgoing`]),
      ...incoming.map((span): [Span, string] => [span, `◀ ${hop.to} incoming`]),
    ]);
  return {
    pass,
    message: () => {
      const header = `Expected: ${pass ? 'no' : 'a'} client/producer span in ${hop.from} as the parent of a server/consumer span in ${hop.to}`;
      if (pass) {
        const lines = links.map(([from, to]) => `  ${describeSpan(from)} -> ${describeSpan(to)}`);
        return [header, `Received: ${links.length} propagated call${links.length === 1 ? '' : 's'}:`, ...lines].join(
          '\n',
        );
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
      const marks = endpoints();
      return [header, 'Received: none', ...why.map((line) => `  - ${line}`), '', renderTraces(set, { marks })].join(
        '\n',
      );
    },
    marks: () =>
      pass
        ? failureMarks(
            new Map(
              links.flatMap(([from, to]): [Span, string][] => [
                [from, '◀ caller'],
                [to, '◀ callee'],
              ]),
            ),
          )
        : failureMarks(endpoints(), [{ from: hop.from, to: hop.to, note: 'no context propagated' }]),
  };
}
