import type { Span } from '../model/Span.ts';
import { Trace } from '../model/Trace.ts';
import { describeSpan } from '../render/describeSpan.ts';
import { renderTree } from '../render/renderTree.ts';
import { describeExpected, describeValue } from './asymmetric.ts';
import type { CheckResult } from './CheckResult.ts';
import { compareSpan, type FieldComparison } from './compareSpan.ts';
import { failureMarks } from './FailureMarks.ts';
import type { AttributeMatcher, EventExpectation, SpanExpectation, StatusExpectation } from './SpanExpectation.ts';

/**
 * Checks a span's attributes as a subset: every listed key must be present with a matching value.
 *
 * @example
 * hasAttributes(span, { 'http.request.method': 'GET', 'server.port': expect.any(Number) });
 */
export function hasAttributes(
  span: Span,
  attributes: Readonly<Record<string, AttributeMatcher | undefined>>,
): CheckResult {
  return fieldCheck(span, { attributes }, 'attributes', Object.keys(attributes));
}

/**
 * Checks a span's status: a code (`'error'`), or a partial `{ code, message }`.
 *
 * @example
 * hasStatus(span, { code: 'error', message: /timeout/ });
 */
export function hasStatus(span: Span, status: StatusExpectation): CheckResult {
  return fieldCheck(span, { status }, `status ${describeExpected(status)}`);
}

/**
 * Checks that a span recorded an event: by name, or a partial `{ name, attributes }`.
 *
 * @example
 * hasEvent(span, { name: 'exception', attributes: { 'exception.type': 'TypeError' } });
 */
export function hasEvent(span: Span, event: EventExpectation): CheckResult {
  const result = fieldCheck(span, { events: [event] }, `event ${describeExpected(event)}`);
  const events = span.events.map((item) => `    ${item.name} ${describeValue(item.attributes)}`);
  const list = events.length > 0 ? `\n\nEvents of the span:\n${events.join('\n')}` : '\n\nThe span has no events.';
  return { ...result, message: () => result.message() + list };
}

/**
 * Checks a span's parent: a partial span or a selector the parent must match, or the parent span itself.
 *
 * @example
 * hasParent(serverSpan, { kind: 'client', service: 'gateway' });
 * hasParent(serverSpan, '[service=gateway][kind=client]');
 */
export function hasParent(span: Span, parent: SpanExpectation | Span | string): CheckResult {
  return fieldCheck(span, { parent }, 'parent');
}

/**
 * Checks that a span is a root (has no parent id).
 *
 * @example
 * isRoot(trace.spans[0]);
 */
export function isRoot(span: Span): CheckResult {
  const pass = span.parentSpanId === undefined;
  const trace = Trace.containing(span);
  const parent = span.parentSpanId && trace ? trace.get(span.parentSpanId) : undefined;
  const detail = pass
    ? 'Received: the span has no parent'
    : parent
      ? `Received: its parent is ${describeSpan(parent)}`
      : `Received: its parent id is ${span.parentSpanId}, which is not in the trace (an orphan)`;
  return {
    pass,
    message: () =>
      [`Expected: ${pass ? 'not ' : ''}a root span: ${describeSpan(span)}`, detail, ...tree(span)].join('\n'),
    marks: () => failureMarks(new Map([[span, 'this span']])),
  };
}

function fieldCheck(
  span: Span,
  expected: SpanExpectation,
  what: string,
  attributes: readonly string[] = [],
): CheckResult {
  const trace = Trace.containing(span);
  const fields = compareSpan(expected, span, trace);
  const pass = fields.every((field) => field.ok);
  return {
    pass,
    message: () => {
      const differing = fields.filter((field) => !field.ok);
      const lines = [
        `Expected: ${pass ? 'not ' : ''}${what === 'attributes' ? describeValue(expected.attributes) : what}`,
        `Span: ${describeSpan(span)}`,
      ];
      if (!pass) lines.push('', ...differing.map((field) => describeField(field)));
      return [...lines, ...tree(span, attributes)].join('\n');
    },
    actual: projectFields(fields, 'actual'),
    expected: projectFields(fields, 'expected'),
    marks: () => failureMarks(new Map([[span, 'this span']])),
  };
}

function describeField(field: FieldComparison): string {
  return `  ${field.path}: expected ${describeExpected(field.expected)}, received ${describeValue(field.actual)}`;
}

function projectFields(fields: readonly FieldComparison[], side: 'actual' | 'expected'): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of fields) result[field.path] = side === 'expected' || field.ok ? field.expected : field.actual;
  return result;
}

function tree(span: Span, attributes: readonly string[] = []): string[] {
  const trace = Trace.containing(span);
  if (!trace) return [];
  return ['', renderTree(trace, { marks: new Map([[span, '◀ this span']]), attributes })];
}
