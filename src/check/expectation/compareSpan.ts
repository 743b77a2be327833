import { isSpan } from '../../model/isSpan.ts';
import type { Span } from '../../model/Span.ts';
import type { Trace } from '../../model/Trace.ts';
import { isAsymmetric, matchesValue } from './asymmetric.ts';
import type { EventExpectation, SpanExpectation, StatusExpectation } from './SpanExpectation.ts';
import { selectorMatcher } from './selectorMatcher.ts';
import { traceNeeded } from './traceNeeded.ts';

/** One compared field: its path (`attributes.http.route`), what was expected and what the span had. */
export interface FieldComparison {
  readonly path: string;
  readonly ok: boolean;
  readonly expected: unknown;
  readonly actual: unknown;
}

/**
 * Compares every field of a partial span with a span and reports each one, so that a failure can name exactly
 * what differed and rank candidates by how many fields matched. `trace` is the span's trace: a `parent` given as a
 * partial span or a selector is looked up in it (without it, such a `parent` throws, unless the span is a root).
 *
 * @example
 * const fields = compareSpan({ name: 'GET', kind: 'client' }, span, trace);
 * const differing = fields.filter((field) => !field.ok);
 */
export function compareSpan(expected: SpanExpectation, span: Span, trace: Trace | undefined): FieldComparison[] {
  const fields: FieldComparison[] = [];
  const add: Add = (path, want, actual, ok = matchesValue(want, actual)) => {
    fields.push({ path, ok, expected: want, actual });
  };
  for (const field of planOf(expected)) field(span, trace, add);
  return fields;
}

/** True when every field of the partial span matches (`trace`: see {@link compareSpan}). */
export function spanMatches(expected: SpanExpectation, span: Span, trace: Trace | undefined): boolean {
  return spanMatcher(expected)(span, trace);
}

/**
 * {@link spanMatches} for one partial span tested against many spans: the fields to compare are worked out once,
 * and each span is compared until its first differing field, with nothing recorded.
 *
 * @example
 * const isQuery = spanMatcher({ kind: 'client', attributes: { 'db.system': 'postgresql' } });
 * const queries = trace.spans.filter((span) => isQuery(span, trace));
 */
export function spanMatcher(expected: SpanExpectation): (span: Span, trace: Trace | undefined) => boolean {
  const plan = planOf(expected);
  let ok = true;
  const add: Add = (_path, want, actual, fieldOk = matchesValue(want, actual)) => {
    ok &&= fieldOk;
  };
  return (span, trace) => {
    // The usage error comes first, as from compareSpan, even for a span that differs in an earlier field.
    needsTraceFor(expected.parent, span, trace);
    ok = true;
    for (const field of plan) {
      field(span, trace, add);
      if (!ok) return false;
    }
    return true;
  };
}

/** One field (or group of fields) of a partial span, compared with a span: each comparison goes to `add`. */
type PlannedField = (span: Span, trace: Trace | undefined, add: Add) => void;

/** The comparisons a partial span asks for, in the order {@link compareSpan} reports them. */
function planOf(expected: SpanExpectation): PlannedField[] {
  const plan: PlannedField[] = [];
  const field = <T>(path: string, want: T | undefined, read: (span: Span) => unknown) => {
    if (want !== undefined) plan.push((span, _trace, add) => add(path, want, read(span)));
  };
  field('name', expected.name, (span) => span.name);
  field('kind', expected.kind, (span) => span.kind);
  field('service', expected.service, (span) => span.service);
  field('traceId', expected.traceId, (span) => span.traceId);
  field('spanId', expected.spanId, (span) => span.spanId);
  field('ended', expected.ended, (span) => span.ended);
  const status = expected.status;
  if (status !== undefined) plan.push((span, _trace, add) => compareStatus(status, span, add));
  const scope = expected.scope;
  if (scope !== undefined) {
    if (typeof scope === 'string' || scope instanceof RegExp || isAsymmetric(scope)) {
      field('scope', scope, (span) => span.scope.name);
    } else {
      field('scope.name', scope.name, (span) => span.scope.name);
      field('scope.version', scope.version, (span) => span.scope.version);
    }
  }
  for (const [key, want] of Object.entries(expected.attributes ?? {})) {
    field(`attributes.${key}`, want, (span) => span.attributes[key]);
  }
  for (const [key, want] of Object.entries(expected.resource ?? {})) {
    field(`resource.${key}`, want, (span) => span.resource[key]);
  }
  for (const [i, want] of (expected.events ?? []).entries()) {
    plan.push((span, _trace, add) =>
      add(
        `events[${i}]`,
        want,
        span.events.map((event) => event.name),
        span.events.some((event) => eventMatches(want, event)),
      ),
    );
  }
  const parent = expected.parent;
  if (parent !== undefined) plan.push((span, trace, add) => compareParent(parent, span, trace, add));
  return plan;
}

type Add = (path: string, want: unknown, actual: unknown, ok?: boolean) => void;

function compareStatus(want: StatusExpectation, span: Span, add: Add): void {
  if (typeof want === 'string' || isAsymmetric(want)) {
    add('status.code', want, span.status.code);
    return;
  }
  if (want.code !== undefined) add('status.code', want.code, span.status.code);
  if (want.message !== undefined) add('status.message', want.message, span.status.message);
}

function eventMatches(want: EventExpectation, event: Span['events'][number]): boolean {
  if (typeof want === 'string' || want instanceof RegExp || isAsymmetric(want)) return matchesValue(want, event.name);
  if (want.name !== undefined && !matchesValue(want.name, event.name)) return false;
  for (const [key, value] of Object.entries(want.attributes ?? {})) {
    if (value !== undefined && !matchesValue(value, event.attributes[key])) return false;
  }
  return true;
}

function compareParent(
  want: SpanExpectation | Span | string | null,
  span: Span,
  trace: Trace | undefined,
  add: Add,
): void {
  needsTraceFor(want, span, trace);
  const parent = span.parentSpanId === undefined ? undefined : trace?.get(span.parentSpanId);
  if (typeof want === 'string') {
    const matcher = selectorMatcher(want, trace);
    const actual = parent ? describeSpanRef(parent) : (span.parentSpanId ?? null);
    add('parent', matcher, actual, parent !== undefined && matcher.asymmetricMatch(parent));
    return;
  }
  if (want === null) {
    add('parent', null, parent ?? span.parentSpanId ?? null, span.parentSpanId === undefined);
    return;
  }
  if (isSpan(want)) {
    add(
      'parent',
      describeSpanRef(want),
      parent ? describeSpanRef(parent) : (span.parentSpanId ?? null),
      span.parentSpanId === want.spanId && span.traceId === want.traceId,
    );
    return;
  }
  if (parent === undefined) {
    add('parent', want, span.parentSpanId === undefined ? null : `${span.parentSpanId} (not in the trace)`, false);
    return;
  }
  for (const field of compareSpan(want, parent, trace)) {
    add(`parent.${field.path}`, field.expected, field.actual, field.ok);
  }
}

/** A parent given as a selector or a partial span must be found in the tree; a root has none to find. */
function needsTraceFor(want: SpanExpectation['parent'], span: Span, trace: Trace | undefined): void {
  if (want !== undefined && span.parentSpanId !== undefined && trace === undefined && want !== null && !isSpan(want)) {
    throw traceNeeded('a `parent` expectation', span, 'its parent');
  }
}

function describeSpanRef(span: Span): string {
  return `${span.kind} ${span.name} (${span.spanId})`;
}
