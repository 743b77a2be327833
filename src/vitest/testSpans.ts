import { currentScope } from '../capture/testScope.ts';
import { installedTracing } from '../capture/tracingSlot.ts';
import type { Span } from '../model/Span.ts';

/**
 * The current test's ended spans, when tracespec's tracing is installed and a test is running; undefined
 * otherwise. The outbound-request matchers use them to find the test's trace and the CLIENT span that sent a
 * request. Open spans are left out: a span left open by a stale context outside the test joins the test's
 * traces as soon as the test continues its trace, and would pass for the test's root.
 *
 * @example
 * const spans = testSpans(); // inside a test using tracespec's fixture or setupTracing()
 */
export function testSpans(): readonly Span[] | undefined {
  const tracing = installedTracing();
  const scope = currentScope();
  if (!tracing || scope === undefined) return undefined;
  return tracing.store.traceSet({ scope }).spans;
}
