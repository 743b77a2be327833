import { isSpan } from '../../model/isSpan.ts';
import type { Span } from '../../model/Span.ts';
import { Trace } from '../../model/Trace.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import { find, matchesSelector } from '../../query/find.ts';
import { describeSpan } from '../../render/describeSpan.ts';
import { spanMatcher, spanMatches } from './compareSpan.ts';
import { describeExpectation } from './describeExpectation.ts';
import type { SpanExpectation } from './SpanExpectation.ts';
import type { SpanRef } from './SpanRef.ts';

/**
 * The spans a {@link SpanRef} points at, in tree order: the span itself, every span matching the partial span,
 * or every span the selector matches. The one place where the timing checks resolve references.
 *
 * @example
 * resolveSpans(traceSet, { kind: 'client', name: /^GET / }); // every outgoing GET, trace by trace
 * resolveSpans(trace, '[db.system=postgresql]');
 */
export function resolveSpans(scope: Trace | TraceSet, ref: SpanRef): Span[] {
  if (typeof ref === 'string') return find(scope, ref);
  if (isSpan(ref)) return [ref];
  validateRef(ref);
  const traces = Trace.is(scope) ? [scope] : scope.traces;
  const found: Span[] = [];
  const matches = spanMatcher(ref);
  for (const trace of traces) for (const span of trace.spans) if (matches(span, trace)) found.push(span);
  return found;
}

/**
 * Like {@link resolveSpans}, but a reference that matches nothing is a usage error: it throws, naming the
 * matcher and the argument.
 *
 * @example
 * const [stock] = resolveSomeSpans(trace, { name: 'GET /stock' }, 'toStartAfter(other)');
 */
export function resolveSomeSpans(scope: Trace | TraceSet, ref: SpanRef, what: string): Span[] {
  const spans = resolveSpans(scope, ref);
  if (spans.length > 0) return spans;
  const traces = Trace.is(scope) ? [scope] : scope.traces;
  const total = traces.reduce((sum, trace) => sum + trace.size, 0);
  throw new Error(
    `[tracespec] ${what}: no span matches ${describeRef(ref)} among ${total} span${total === 1 ? '' : 's'}. ` +
      'Check the reference with expect(traces).toHaveSpan(...) first, which shows the closest spans.',
  );
}

// The fields of SpanExpectation. A partial span ignores fields it does not know, so an options object passed
// where a reference belongs (`{ tolerance: '2ms' }`) would match every span: refuse it instead.
const FIELDS: ReadonlySet<string> = new Set([
  'name',
  'kind',
  'service',
  'status',
  'attributes',
  'resource',
  'events',
  'parent',
  'scope',
  'traceId',
  'spanId',
  'ended',
]);

/** Throws a `[tracespec]` error naming what is wrong when `ref` is not a partial span. */
export function validateRef(ref: SpanExpectation): void {
  if (typeof ref !== 'object' || ref === null || Array.isArray(ref)) {
    throw new TypeError(
      `[tracespec] expected a span or a partial span such as { name: 'GET /stock', kind: 'client' }, got ${Array.isArray(ref) ? 'an array' : String(ref)}.`,
    );
  }
  const unknown = Object.keys(ref).filter((key) => !FIELDS.has(key));
  if (unknown.length > 0) {
    throw new TypeError(
      `[tracespec] ${describeExpectation(ref)} is not a partial span: unknown field${unknown.length === 1 ? '' : 's'} ${unknown.map((key) => `\`${key}\``).join(', ')}. ` +
        `A partial span takes ${[...FIELDS].join(', ')}. On traces, group and duration matchers take which spans first, then the options: expect(traces).toRunInParallel({ kind: 'client' }, { tolerance: '2ms' }).`,
    );
  }
}

/**
 * True when the span is one the reference points at (for a partial span or a selector, within `trace`).
 *
 * @example
 * refMatches('[kind=client]', span, trace);
 */
export function refMatches(ref: SpanRef, span: Span, trace: Trace): boolean {
  if (typeof ref === 'string') return matchesSelector(span, ref, trace);
  if (isSpan(ref)) return ref === span;
  validateRef(ref);
  return spanMatches(ref, span, trace);
}

/** A reference on one line, for messages. */
export function describeRef(ref: SpanRef): string {
  if (typeof ref === 'string') return `selector ${JSON.stringify(ref)}`;
  return isSpan(ref) ? describeSpan(ref) : describeExpectation(ref);
}
