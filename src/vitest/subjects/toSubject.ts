import { currentScope } from '../../capture/testScope.ts';
import { type OutboundSubject, requestsOf } from '../../check/outbound/requestsOf.ts';
import type { ConnectedOptions } from '../../check/trace/isConnected.ts';
import type { PropagationEvidence } from '../../check/trace/lostContext/PropagationEvidence.ts';
import { isSpan } from '../../model/isSpan.ts';
import type { Span } from '../../model/Span.ts';
import { Trace } from '../../model/Trace.ts';
import { TraceSet } from '../../model/TraceSet.ts';
import { isTracesLike, traceSetOf } from '../../model/TracesLike.ts';
import { traceOf } from '../../model/traceOf.ts';
import type { WireRecord } from '../../model/WireRecord.ts';
import { isInTrace } from './inTrace.ts';
import { storedTrace } from './storedTrace.ts';

/** A span matcher's subject: the span, and its trace when it is known (see `inTrace`). */
export interface SpanSubject {
  readonly span: Span;
  readonly trace: Trace | undefined;
}

/**
 * A group matcher's subject: spans with the traces that hold them (`single` when one span was given rather than
 * an array), or traces from which the matcher's first argument picks the group (`spans` is then undefined).
 */
export interface GroupSubject {
  readonly spans: readonly Span[] | undefined;
  readonly scope: TraceSet;
  readonly single: boolean;
}

/**
 * Traces, with the evidence besides them that the propagation checks read: a test's live `traces` offer the
 * split-off traces, concurrent tests' traces and the recording taps' wire records (`TestTraces.evidence()`); a
 * collector offers its wire records.
 */
export interface LiveTracesSubject {
  readonly set: TraceSet;
  /** Gathered on first read. */
  readonly evidence: ConnectedOptions;
}

/** What each kind of subject becomes before a check sees it. */
export interface Subjects {
  /** A Trace, a TraceSet or a live source (`traces`, a collector). */
  readonly traces: TraceSet;
  readonly 'live traces': LiveTracesSubject;
  /** A Trace, or traces holding exactly one. */
  readonly trace: Trace;
  readonly span: SpanSubject;
  readonly spans: GroupSubject;
  /** One recorded outbound request; the check validates it. */
  readonly request: unknown;
  /** The outbound recorder (only the running test's requests) or a list of requests. */
  readonly outbound: unknown;
}

/** The kinds of subject a matcher takes. */
export type SubjectKind = keyof Subjects;

/** How a matcher's hint names its subject: `expect(traces).toHaveSpan(expected)`. */
export const SUBJECT_LABEL: { readonly [K in SubjectKind]: string } = {
  traces: 'traces',
  'live traces': 'traces',
  trace: 'trace',
  span: 'span',
  spans: 'spans',
  request: 'request',
  outbound: 'outbound',
};

/**
 * Coerces what a matcher received into its kind of subject, or throws a `[tracespec]` error that names the
 * matcher and says what to pass.
 *
 * @example
 * const set = toSubject('traces', received, 'toHaveSpan');
 */
export function toSubject<K extends SubjectKind>(kind: K, received: unknown, matcher: string): Subjects[K] {
  return COERCE[kind](received, matcher) as Subjects[K];
}

const COERCE: { readonly [K in SubjectKind]: (received: unknown, matcher: string) => Subjects[K] } = {
  traces: toTraceSet,
  'live traces': (received, matcher) => {
    const set = toTraceSet(received, matcher);
    // Read when a check asks for it: gathering a test's evidence walks the whole store.
    let evidence: ConnectedOptions | undefined;
    return {
      set,
      get evidence() {
        evidence ??= evidenceOf(received);
        return evidence;
      },
    };
  },
  trace: (received, matcher) => (Trace.is(received) ? received : toTraceSet(received, matcher).only()),
  span: toSpanSubject,
  spans: toGroupSubject,
  request: (received) => received,
  outbound: toOutbound,
};

/**
 * The traces a trace matcher received, with a clear error for anything else.
 *
 * @example
 * const set = toTraceSet(received, 'toHaveSpan');
 */
export function toTraceSet(received: unknown, matcher: string): TraceSet {
  if (isTracesLike(received)) return traceSetOf(received);
  throw new TypeError(
    `[tracespec] ${matcher}() expects a Trace, a TraceSet or the test's traces (the \`traces\` fixture), but received ${describeType(received)}. ` +
      `Pass the traces, e.g. expect(traces).${matcher}(...).`,
  );
}

function toSpanSubject(received: unknown, matcher: string): SpanSubject {
  if (isInTrace(received) && !Array.isArray(received.spans)) {
    const span = received.spans as Span;
    return { span, trace: traceOf(received.traces, span) };
  }
  if (isSpan(received)) return { span: received, trace: storedTrace(received) };
  const hint =
    typeof received === 'object' &&
    received !== null &&
    typeof (received as { spanContext?: unknown }).spanContext === 'function'
      ? ' It looks like an OpenTelemetry SDK span: find the recorded span instead, e.g. traces.findOne(...) or trace.spans[i].'
      : ' Find one first, e.g. traces.findOne("name") or trace.root.';
  throw new TypeError(
    `[tracespec] ${matcher}() expects a recorded span, but received ${describeType(received)}.${hint}`,
  );
}

function toGroupSubject(received: unknown, matcher: string): GroupSubject {
  if (isInTrace(received)) {
    const single = !Array.isArray(received.spans);
    const spans = single ? [received.spans as Span] : (received.spans as readonly Span[]);
    return { spans, scope: received.traces, single };
  }
  if (isSpan(received)) return { spans: [received], scope: storedTraces([received]), single: true };
  if (Array.isArray(received)) {
    const notSpan = received.findIndex((item) => !isSpan(item));
    if (notSpan !== -1) {
      throw new TypeError(
        `[tracespec] ${matcher}() received an array whose item ${notSpan} is not a recorded span. Pass recorded spans, or the traces and which spans to take: expect(traces).${matcher}({ kind: 'client' }).`,
      );
    }
    const spans = received as readonly Span[];
    return { spans, scope: storedTraces(spans), single: false };
  }
  if (isTracesLike(received)) return { spans: undefined, scope: traceSetOf(received), single: false };
  throw new TypeError(
    `[tracespec] ${matcher}() expects an array of recorded spans or the traces (a Trace, a TraceSet or the \`traces\` fixture), but received ${typeof received}.`,
  );
}

/** The traces of the test's store that hold these spans. */
function storedTraces(spans: readonly Span[]): TraceSet {
  const traces = new Set<Trace>();
  for (const span of spans) {
    const trace = storedTrace(span);
    if (trace) traces.add(trace);
  }
  return new TraceSet(Trace.sort([...traces]));
}

/**
 * The recorder's requests that belong to the running test (and those sent outside any test), so that concurrent
 * tests can share one recorder; a list of requests is taken as it is, anything else left to the check to refuse.
 */
function toOutbound(received: unknown, matcher: string): unknown {
  if (Array.isArray(received) || typeof received !== 'object' || received === null || !('requests' in received)) {
    return received;
  }
  const requests = requestsOf(received as OutboundSubject, matcher);
  const scope = currentScope();
  if (scope === undefined) return requests;
  return requests.filter((request) => request.scope === undefined || request.scope === scope);
}

/**
 * The split-off traces nobody claimed that a test's live traces offer (`traces.strays()`); undefined for anything
 * else.
 *
 * @example
 * const strays = straysOf(received);
 */
export function straysOf(received: unknown): TraceSet | undefined {
  return evidenceOf(received).strays;
}

function evidenceOf(received: unknown): ConnectedOptions {
  const source = received as { evidence?: () => PropagationEvidence; store?: { wire?: () => readonly WireRecord[] } };
  if (typeof source?.evidence === 'function') {
    const { traces: _traces, ...rest } = source.evidence();
    return rest;
  }
  if (typeof source?.store?.wire === 'function') return { wire: source.store.wire() };
  return {};
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'Object'})`;
  return `${typeof value} ${JSON.stringify(value)}`;
}
