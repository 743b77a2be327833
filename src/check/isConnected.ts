import type { Span } from '../model/Span.ts';
import { Trace } from '../model/Trace.ts';
import { TraceSet } from '../model/TraceSet.ts';
import { renderTraces } from '../render/renderTraces.ts';
import type { CheckResult } from './CheckResult.ts';
import { failureMarks, type HopMark } from './FailureMarks.ts';
import { findCaller } from './findCaller.ts';

/** Options of {@link isConnected}. */
export interface ConnectedOptions {
  /** Clock skew tolerated when matching a lost callee with its caller by time, in ms. Default 5. */
  readonly skewMs?: number;
  /**
   * Traces that belong to nobody (a test's `traces.strays()`): one whose top can be matched to a client span of
   * `set` is a callee that lost the context, and is reported as the broken hop.
   */
  readonly strays?: TraceSet;
}

/** A place where context was lost, named as the hop that lost it. */
export interface BrokenHop {
  readonly span: Span;
  readonly problem: 'new-trace' | 'extra-root' | 'orphan';
  readonly caller?: Span;
  readonly description: string;
}

/**
 * Checks that spans form one connected trace: one trace id, exactly one root, every parent present. A failure
 * names each hop that lost context: the span that started a new trace (or lost its parent), its service, and the
 * CLIENT span in the caller that should have been its parent, matched by time, peer address and URL.
 *
 * @example
 * const result = isConnected(collector.traces());
 * // orders -> inventory: the server span "GET /stock" started a new trace; the client span "GET" in orders sent no trace context
 */
export function isConnected(given: TraceSet, options: ConnectedOptions = {}): CheckResult {
  const set = withLostCallees(given, options);
  const hops = brokenHops(set, options);
  const pass = set.size === 1 && hops.length === 0;
  return {
    pass,
    message: () => {
      if (set.size === 0) return `Expected: one connected trace\nReceived: no spans\n\n${renderTraces(set)}`;
      if (pass) {
        const trace = set.traces[0];
        return `Expected: not one connected trace\nReceived: one trace (${trace?.traceId}) of ${trace?.size} spans, one root, every parent present\n\n${renderTraces(set)}`;
      }
      const marks = hopSpans(hops);
      const received = `Received: ${set.size} trace${set.size === 1 ? '' : 's'}, ${hops.length} broken hop${hops.length === 1 ? '' : 's'}:`;
      return [
        'Expected: one connected trace (one trace id, one root, every parent present)',
        received,
        ...hops.map((hop, i) => `  ${i + 1}. ${hop.description}`),
        '',
        renderTraces(set, { marks }),
      ].join('\n');
    },
    marks: () => failureMarks(hopSpans(hops), hops.map(hopMark)),
  };
}

function hopSpans(hops: readonly BrokenHop[]): Map<Span, string> {
  const marks = new Map<Span, string>();
  for (const [i, hop] of hops.entries()) {
    marks.set(hop.span, `◀ ${i + 1}: ${hop.problem === 'orphan' ? 'parent missing' : 'context lost here'}`);
    if (hop.caller) marks.set(hop.caller, `◀ ${i + 1}: caller`);
  }
  return marks;
}

function hopMark(hop: BrokenHop): HopMark {
  const note = hop.problem === 'orphan' ? 'parent missing' : 'context lost';
  return hop.caller ? { from: hop.caller.service, to: hop.span.service, note } : { to: hop.span.service, note };
}

/**
 * Every place where context was lost: roots of extra traces, extra roots, and orphans.
 *
 * @example
 * for (const hop of brokenHops(set)) console.log(hop.description);
 */
export function brokenHops(set: TraceSet, options: ConnectedOptions = {}): BrokenHop[] {
  const skew = BigInt(Math.round((options.skewMs ?? 5) * 1e6));
  const hops: BrokenHop[] = [];
  const [main, ...others] = set.traces;
  if (!main) return hops;
  for (const extra of main.roots.slice(1)) hops.push(describe(set, extra, 'extra-root', skew));
  for (const orphan of main.orphans) hops.push(describe(set, orphan, 'orphan', skew));
  for (const trace of others) {
    for (const [i, top] of trace.tops.entries()) {
      const problem = trace.orphans.includes(top) ? 'orphan' : i === 0 ? 'new-trace' : 'extra-root';
      hops.push(describe(set, top, problem, skew));
    }
  }
  return hops;
}

/** The set plus each stray trace whose top has a caller in the set (by time, peer and URL). */
function withLostCallees(set: TraceSet, options: ConnectedOptions): TraceSet {
  const strays = options.strays;
  if (!strays || strays.size === 0 || set.size === 0) return set;
  const skew = BigInt(Math.round((options.skewMs ?? 5) * 1e6));
  const adopted = strays.traces.filter((trace) => {
    const top = trace.tops[0];
    if (!top || set.get(trace.traceId)) return false;
    const guess = findCaller(set, top, skew);
    return guess !== undefined && guess.reasons.length > 1;
  });
  return adopted.length === 0 ? set : new TraceSet(Trace.sort([...set.traces, ...adopted]));
}

function describe(set: TraceSet, span: Span, problem: BrokenHop['problem'], skew: bigint): BrokenHop {
  const guess = findCaller(set, span, skew);
  const what = `the ${span.kind} span "${span.name}"`;
  const lost =
    problem === 'orphan'
      ? `${what} names parent ${span.parentSpanId}, which is not in any trace`
      : problem === 'new-trace'
        ? `${what} started a new trace (${span.traceId})`
        : `${what} is a second root of trace ${span.traceId}`;
  if (!guess) {
    return {
      span,
      problem,
      description: `${span.service}: ${lost}; no client span encloses it in time, so the caller is unknown`,
    };
  }
  const { caller } = guess;
  const blame =
    problem === 'orphan'
      ? `the ${caller.kind} span "${caller.name}" in ${caller.service} (${guess.reasons.join(', ')}) has span id ${caller.spanId}: the callee received another parent id, or the caller's spans were not exported`
      : `the ${caller.kind} span "${caller.name}" in ${caller.service} sent no trace context (${guess.reasons.join(', ')})`;
  return { span, problem, caller, description: `${caller.service} -> ${span.service}: ${lost}; ${blame}` };
}
