import type { Span } from '../model/Span.ts';
import { Trace } from '../model/Trace.ts';
import type { TraceSet } from '../model/TraceSet.ts';
import { describeSpan } from '../render/describeSpan.ts';
import { spanMatches } from './compareSpan.ts';
import { describeExpectation } from './describeExpectation.ts';
import { isSpan } from './received.ts';
import type { SpanRef } from './SpanRef.ts';

/**
 * The spans a {@link SpanRef} points at, in tree order: the span itself, or every span matching the partial
 * span. The one place where references are resolved, so that selector strings can be added here.
 *
 * @example
 * resolveSpans(traceSet, { kind: 'client', name: /^GET / }); // every outgoing GET, trace by trace
 */
export function resolveSpans(scope: Trace | TraceSet, ref: SpanRef): Span[] {
  if (isSpan(ref)) return [ref];
  checkRef(ref);
  const traces = Trace.is(scope) ? [scope] : scope.traces;
  const found: Span[] = [];
  for (const trace of traces) for (const span of trace.spans) if (spanMatches(ref, span, trace)) found.push(span);
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
const FIELDS = new Set([
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

function checkRef(ref: SpanRef): void {
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

/** A reference on one line, for messages. */
export function describeRef(ref: SpanRef): string {
  return isSpan(ref) ? describeSpan(ref) : describeExpectation(ref);
}
