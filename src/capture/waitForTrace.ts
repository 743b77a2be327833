import type { Trace } from '../model/Trace.ts';
import { renderTree } from '../render/renderTree.ts';
import type { ReceiverHealth } from './ReceiverHealth.ts';
import type { SpanStore } from './SpanStore.ts';
import { compileTraceSelector, type TraceSelector } from './TraceSelector.ts';
import { waitFor } from './waitFor.ts';

/**
 * How long {@link waitForTrace} waits, and for how much quiet.
 *
 * @example
 * await collector.waitForTrace({ rootName: 'POST /checkout' }, { timeout: 10_000, settle: 200 });
 */
export interface WaitForTraceOptions {
  /** Give up after this many ms (default 5000). */
  readonly timeout?: number;
  /** The trace counts as complete once no span of it arrived for this many ms (default 100). */
  readonly settle?: number;
  /** Only traces claimed by this scope (a test). */
  readonly scope?: string;
  readonly signal?: AbortSignal;
}

const SHOWN_TRACES = 5;

/**
 * Waits until the store holds a trace that matches the selector, has exactly one root, no orphans, and received
 * no new span for `settle` ms. On timeout it fails with what did arrive: each candidate's tree so far, its
 * orphans, and when the last span arrived.
 *
 * @example
 * const trace = await waitForTrace(store, { rootName: 'POST /checkout' }, { timeout: 5000, settle: 100 });
 */
export function waitForTrace(
  store: SpanStore,
  selector: TraceSelector,
  options: WaitForTraceOptions = {},
): Promise<Trace> {
  let compiled: ReturnType<typeof compileTraceSelector>;
  try {
    compiled = compileTraceSelector(selector);
  } catch (error) {
    // A bad selector rejects the promise like every other failure of the wait (and loses no span).
    return Promise.reject(error);
  }
  const { test, description } = compiled;
  const settle = options.settle ?? 100;
  const seen = new Map<string, { size: number; since: number }>();
  let settlesAt: number | undefined;
  const check = (): Trace => {
    const now = performance.now();
    const traces = store.traceSet(options.scope === undefined ? {} : { scope: options.scope }).traces;
    const matching = traces.filter(test);
    let waitingOn: Trace | undefined;
    settlesAt = undefined;
    for (const trace of matching) {
      const last = seen.get(trace.traceId);
      if (last === undefined || last.size !== trace.size) {
        // Received spans carry their arrival time; in-process ones count from when they were first seen.
        seen.set(trace.traceId, { size: trace.size, since: Math.min(now, store.lastArrivalOf(trace.traceId) ?? now) });
      }
      if (trace.root === undefined || trace.orphans.length > 0) continue;
      const quietSince = seen.get(trace.traceId)?.since ?? now;
      if (now - quietSince >= settle) return trace;
      waitingOn = trace;
      settlesAt = Math.min(settlesAt ?? Number.POSITIVE_INFINITY, quietSince + settle);
    }
    // The message is built only if the wait fails: building it on every poll would cost more than the poll.
    throw lazyError(() => describeWait(store, description, traces, matching, waitingOn, settle, now));
  };
  return waitFor(check, {
    timeout: options.timeout ?? 5000,
    interval: Math.min(10, settle),
    maxInterval: Math.max(20, Math.min(100, settle)),
    what: `complete ${description}`,
    ...(options.signal ? { signal: options.signal } : {}),
    wake: (notify) => store.subscribe(notify),
    nextCheckIn: () => (settlesAt === undefined ? undefined : settlesAt - performance.now()),
  });
}

function lazyError(describe: () => string): Error {
  const error = new Error('trace not complete yet');
  let message: string | undefined;
  Object.defineProperty(error, 'message', {
    get: () => {
      message ??= describe();
      return message;
    },
  });
  return error;
}

function describeWait(
  store: SpanStore,
  description: string,
  traces: readonly Trace[],
  matching: readonly Trace[],
  settling: Trace | undefined,
  settle: number,
  now: number,
): string {
  const spans = traces.reduce((sum, trace) => sum + trace.size, 0);
  const arrival =
    store.lastArrival === 0
      ? 'no span has arrived yet'
      : `the last span arrived ${Math.round(now - store.lastArrival)}ms ago`;
  const lines = [`Received ${traces.length} trace(s) with ${spans} span(s); ${arrival}.`];
  if (settling) {
    lines.push(`Trace ${settling.traceId} is complete but still receiving spans (settle: ${settle}ms).`);
  }
  if (matching.length === 0) {
    lines.push(`None matches the ${description}.`);
    for (const trace of traces.slice(-SHOWN_TRACES)) lines.push(`\n${renderTree(trace, { maxLines: 30 })}`);
  }
  for (const trace of matching.slice(-SHOWN_TRACES)) {
    lines.push(`\nA matching trace is incomplete: ${problemOf(trace)}.\n${renderTree(trace, { maxLines: 30 })}`);
  }
  const hidden = (matching.length === 0 ? traces.length : matching.length) - SHOWN_TRACES;
  if (hidden > 0) lines.push(`\n(${hidden} earlier trace(s) not shown)`);
  lines.push(...describeIntake(store.intake.troubled()));
  return lines.join('\n');
}

/** Receivers that could not answer their senders, and refused or lost data: perhaps the spans waited for. */
function describeIntake(troubled: readonly ReceiverHealth[]): string[] {
  if (troubled.length === 0) return [];
  const lines = ['\nReceivers that cannot answer their senders refused or lost data:'];
  for (const health of troubled) {
    const counts = [
      `${health.received} datagram(s) read`,
      `${health.refused} refused whole`,
      `${health.stored} span(s) stored`,
      `${health.rejectedSpans} span(s) rejected`,
    ];
    if (health.dropped) counts.push(`${health.dropped} datagram(s) lost before they were read (receive buffer full)`);
    lines.push(`- ${health.receiver}: ${counts.join(', ')}`);
    for (const problem of health.problems) lines.push(`    ${problem}`);
  }
  return lines;
}

function problemOf(trace: Trace): string {
  const problems: string[] = [];
  if (trace.roots.length === 0) problems.push('no root span yet');
  if (trace.roots.length > 1) problems.push(`${trace.roots.length} root spans`);
  if (trace.orphans.length > 0) {
    const parents = [...new Set(trace.orphans.map((span) => span.parentSpanId))].join(', ');
    problems.push(`${trace.orphans.length} orphan(s) waiting for parent(s) ${parents}`);
  }
  return problems.length > 0 ? problems.join(', ') : 'complete';
}
