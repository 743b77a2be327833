import type { Span } from './Span.ts';
import { Trace } from './Trace.ts';
import { TraceSet } from './TraceSet.ts';

/** Anything that can hand out its current traces, such as a test's live `traces` fixture. */
export interface TraceSource {
  traceSet(): TraceSet;
}

/** What trace matchers accept: a trace, a set of traces, or a live source of traces. */
export type TracesLike = Trace | TraceSet | TraceSource;

/** True for a value trace matchers accept. */
export function isTracesLike(value: unknown): value is TracesLike {
  return Trace.is(value) || TraceSet.is(value) || isTraceSource(value);
}

function isTraceSource(value: unknown): value is TraceSource {
  return typeof value === 'object' && value !== null && typeof (value as TraceSource).traceSet === 'function';
}

/**
 * Normalizes what a trace matcher received, with a clear error for anything else.
 *
 * @example
 * const set = toTraceSet(received, 'toHaveSpan');
 */
export function toTraceSet(received: unknown, matcher: string): TraceSet {
  if (TraceSet.is(received)) return received;
  if (Trace.is(received)) return new TraceSet([received]);
  if (isTraceSource(received)) return received.traceSet();
  throw new TypeError(
    `[tracespec] ${matcher}() expects a Trace, a TraceSet or the test's traces (the \`traces\` fixture), but received ${describeType(received)}. ` +
      'Pass the traces, e.g. expect(traces).' +
      matcher +
      '(...).',
  );
}

/** True for a tracespec span record. */
export function isSpan(value: unknown): value is Span {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Span).spanId === 'string' &&
    typeof (value as Span).traceId === 'string' &&
    typeof (value as Span).startTimeUnixNano === 'bigint'
  );
}

/**
 * Normalizes what a span matcher received, with a clear error for anything else.
 *
 * @example
 * const span = toSpan(received, 'toHaveStatus');
 */
export function toSpan(received: unknown, matcher: string): Span {
  if (isSpan(received)) return received;
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

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'Object'})`;
  return `${typeof value} ${JSON.stringify(value)}`;
}
