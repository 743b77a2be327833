import { describeRef, refMatches, validateRef } from '../check/expectation/resolveSpans.ts';
import type { SpanExpectation } from '../check/expectation/SpanExpectation.ts';
import type { Trace } from '../model/Trace.ts';
import { toSelector } from '../query/toSelector.ts';

/**
 * A test on a whole trace.
 *
 * @example
 * const hasErrors: TracePredicate = (trace) => trace.spans.some((span) => span.status.code === 'error');
 */
export type TracePredicate = (trace: Trace) => boolean;

/**
 * The simple way to pick a trace: by the name of its root span and/or a service that took part.
 *
 * @example
 * const pattern: TracePattern = { rootName: /^GET \/checkout/, service: 'payments' };
 */
export interface TracePattern {
  readonly rootName?: string | RegExp;
  readonly service?: string;
}

/**
 * Which trace to wait for: a predicate; a {@link TracePattern} (`{ rootName, service }`); or, as every matcher
 * takes a span, a span selector string or a partial span, for a trace that holds such a span.
 *
 * @example
 * await collector.waitForTrace({ rootName: 'GET /' });
 * await collector.waitForTrace((trace) => trace.size >= 5);
 * await collector.waitForTrace('[service=pricing][kind=server]');
 * await collector.waitForTrace({ name: 'charge card', attributes: { 'payment.amount': 42 } });
 */
export type TraceSelector = TracePredicate | TracePattern | SpanExpectation | string;

/**
 * A selector turned into a predicate, with a description for messages.
 *
 * @example
 * const { test, description } = compileTraceSelector({ service: 'cart' }); // description: 'trace with service "cart"'
 */
export interface CompiledTraceSelector {
  readonly test: TracePredicate;
  readonly description: string;
}

/**
 * Compiles a {@link TraceSelector}. A pattern's `rootName` is matched against every root span (a trace that is not
 * complete yet may have none, and then does not match); `service` against every span. A selector string or a
 * partial span matches a trace that holds a matching span. An object is a pattern when it has `rootName` or only
 * `service` (the same trace either way), a partial span otherwise.
 *
 * @example
 * const { test } = compileTraceSelector({ rootName: 'checkout' });
 */
export function compileTraceSelector(selector: TraceSelector): CompiledTraceSelector {
  if (typeof selector === 'function') {
    return { test: selector, description: `trace matching ${selector.name || 'the predicate'}` };
  }
  if (typeof selector === 'string') {
    toSelector(selector); // a syntax error shows now, with a caret under the bad token, not at every check
    return {
      test: (trace) => trace.spans.some((span) => refMatches(selector, span, trace)),
      description: `trace with a span matching ${describeRef(selector)}`,
    };
  }
  if (typeof selector !== 'object' || selector === null) {
    throw new TypeError(
      `[tracespec] a trace selector must be a predicate (trace) => boolean, { rootName?, service? }, a span selector string or a partial span, got ${selector === null ? 'null' : typeof selector}.`,
    );
  }
  if (!isPattern(selector)) {
    const expected = selector as SpanExpectation;
    validateRef(expected);
    return {
      test: (trace) => trace.spans.some((span) => refMatches(expected, span, trace)),
      description: `trace with a span matching ${describeRef(expected)}`,
    };
  }
  const { rootName, service } = selector;
  const nameMatches = (name: string) =>
    rootName === undefined || (typeof rootName === 'string' ? name === rootName : rootName.test(name));
  const parts: string[] = [];
  if (rootName !== undefined)
    parts.push(`root ${typeof rootName === 'string' ? JSON.stringify(rootName) : String(rootName)}`);
  if (service !== undefined) parts.push(`service ${JSON.stringify(service)}`);
  return {
    test: (trace) =>
      (rootName === undefined || trace.roots.some((span) => nameMatches(span.name))) &&
      (service === undefined || trace.spans.some((span) => span.service === service)),
    description: parts.length > 0 ? `trace with ${parts.join(' and ')}` : 'any trace',
  };
}

function isPattern(selector: TracePattern | SpanExpectation): selector is TracePattern {
  const keys = Object.keys(selector);
  return keys.includes('rootName') || (keys.length > 0 && keys.every((key) => key === 'service'));
}
