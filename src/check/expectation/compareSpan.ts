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
  const add = (path: string, want: unknown, actual: unknown, ok = matchesValue(want, actual)) =>
    fields.push({ path, ok, expected: want, actual });

  if (expected.name !== undefined) add('name', expected.name, span.name);
  if (expected.kind !== undefined) add('kind', expected.kind, span.kind);
  if (expected.service !== undefined) add('service', expected.service, span.service);
  if (expected.traceId !== undefined) add('traceId', expected.traceId, span.traceId);
  if (expected.spanId !== undefined) add('spanId', expected.spanId, span.spanId);
  if (expected.ended !== undefined) add('ended', expected.ended, span.ended);
  if (expected.status !== undefined) compareStatus(expected.status, span, add);
  if (expected.scope !== undefined) {
    const scope = expected.scope;
    if (typeof scope === 'string' || scope instanceof RegExp || isAsymmetric(scope))
      add('scope', scope, span.scope.name);
    else {
      if (scope.name !== undefined) add('scope.name', scope.name, span.scope.name);
      if (scope.version !== undefined) add('scope.version', scope.version, span.scope.version);
    }
  }
  for (const [key, want] of Object.entries(expected.attributes ?? {})) {
    if (want !== undefined) add(`attributes.${key}`, want, span.attributes[key]);
  }
  for (const [key, want] of Object.entries(expected.resource ?? {})) {
    if (want !== undefined) add(`resource.${key}`, want, span.resource[key]);
  }
  for (const [i, want] of (expected.events ?? []).entries()) {
    const found = span.events.some((event) => eventMatches(want, event));
    add(
      `events[${i}]`,
      want,
      span.events.map((event) => event.name),
      found,
    );
  }
  if (expected.parent !== undefined) compareParent(expected.parent, span, trace, add);
  return fields;
}

/** True when every field of the partial span matches (`trace`: see {@link compareSpan}). */
export function spanMatches(expected: SpanExpectation, span: Span, trace: Trace | undefined): boolean {
  return compareSpan(expected, span, trace).every((field) => field.ok);
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
  // A parent given as a selector or a partial span must be found in the tree; a root has none to find.
  if (span.parentSpanId !== undefined && trace === undefined && want !== null && !isSpan(want)) {
    throw traceNeeded('a `parent` expectation', span, 'its parent');
  }
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

function describeSpanRef(span: Span): string {
  return `${span.kind} ${span.name} (${span.spanId})`;
}
