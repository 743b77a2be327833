import type { Trace } from '../model/Trace.ts';

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
 * A predicate or a {@link TracePattern}. (Selector strings from tracespec's query language plug in here, in
 * {@link compileTraceSelector}.)
 *
 * @example
 * await collector.waitForTrace({ rootName: 'GET /' });
 * await collector.waitForTrace((trace) => trace.size >= 5);
 */
export type TraceSelector = TracePredicate | TracePattern;

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
 * complete yet may have none, and then does not match); `service` against every span.
 *
 * @example
 * const { test } = compileTraceSelector({ rootName: 'checkout' });
 */
export function compileTraceSelector(selector: TraceSelector): CompiledTraceSelector {
  if (typeof selector === 'function') {
    return { test: selector, description: `trace matching ${selector.name || 'the predicate'}` };
  }
  if (typeof selector !== 'object' || selector === null) {
    throw new TypeError(
      `[tracespec] a trace selector must be a predicate (trace) => boolean or { rootName?, service? }, got ${typeof selector}.`,
    );
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
