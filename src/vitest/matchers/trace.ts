import type { CountOptions } from '../../check/expectation/countExpectation.ts';
import type {
  AttributeMatcher,
  EventExpectation,
  SpanExpectation,
  StatusExpectation,
} from '../../check/expectation/SpanExpectation.ts';
import { hasAttributes, hasEvent, hasParent, hasStatus, isRoot } from '../../check/span/spanChecks.ts';
import { hasNoErrors } from '../../check/trace/hasNoErrors.ts';
import { type PropagationHop, propagates } from '../../check/trace/hasPropagation.ts';
import { type EdgeExpectation, hasServiceGraph, type ServiceGraphOptions } from '../../check/trace/hasServiceGraph.ts';
import { hasSpan } from '../../check/trace/hasSpan.ts';
import { hasSpanTree } from '../../check/trace/hasSpanTree.ts';
import { type ConnectedOptions, isConnected } from '../../check/trace/isConnected.ts';
import type { ShapeNode, TreeShapeOptions } from '../../check/trace/shape/SpanShape.ts';
import type { Span } from '../../model/Span.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import { toSpan, toTraceSet } from '../../model/TracesLike.ts';
import { toMatcher } from '../toMatcher.ts';
import { toEventuallyHaveSpan } from './eventually.ts';
import { timingMatchers } from './timing.ts';

/**
 * tracespec's vitest matchers, ready for `expect.extend(tracespecMatchers)` (importing `tracespec/vitest` does it).
 *
 * @example
 * import { expect } from 'vitest';
 * import { tracespecMatchers } from 'tracespec/vitest';
 * expect.extend(tracespecMatchers);
 */
export const tracespecMatchers = {
  toHaveSpan: toMatcher(
    'toHaveSpan',
    'traces',
    (received, expected: SpanExpectation | string, options?: CountOptions) =>
      hasSpan(toTraceSet(received, 'toHaveSpan'), expected, options),
  ),
  toHaveSpanTree: toMatcher('toHaveSpanTree', 'traces', (received, shape: ShapeNode, options?: TreeShapeOptions) =>
    hasSpanTree(toTraceSet(received, 'toHaveSpanTree'), shape, options),
  ),
  toEventuallyHaveSpan,
  toHaveNoErrors: toMatcher('toHaveNoErrors', 'traces', (received) =>
    hasNoErrors(toTraceSet(received, 'toHaveNoErrors')),
  ),
  toHaveAttributes: toMatcher(
    'toHaveAttributes',
    'span',
    (received, attributes: Readonly<Record<string, AttributeMatcher | undefined>>) =>
      hasAttributes(toSpan(received, 'toHaveAttributes'), attributes),
  ),
  toHaveStatus: toMatcher('toHaveStatus', 'span', (received, status: StatusExpectation) =>
    hasStatus(toSpan(received, 'toHaveStatus'), status),
  ),
  toHaveEvent: toMatcher('toHaveEvent', 'span', (received, event: EventExpectation) =>
    hasEvent(toSpan(received, 'toHaveEvent'), event),
  ),
  toHaveParent: toMatcher('toHaveParent', 'span', (received, parent: SpanExpectation | Span | string) =>
    hasParent(toSpan(received, 'toHaveParent'), parent),
  ),
  toBeRoot: toMatcher('toBeRoot', 'span', (received) => isRoot(toSpan(received, 'toBeRoot'))),
  toBeConnected: toMatcher('toBeConnected', 'traces', (received, options?: ConnectedOptions) => {
    // A test's live traces also offer the traces nobody claimed: where a callee that lost the context recorded.
    const strays = (received as { strays?: () => TraceSet }).strays;
    const withStrays =
      typeof strays === 'function' && options?.strays === undefined
        ? { ...options, strays: strays.call(received) }
        : options;
    return isConnected(toTraceSet(received, 'toBeConnected'), withStrays);
  }),
  toPropagate: toMatcher('toPropagate', 'traces', (received, hop: PropagationHop) =>
    propagates(toTraceSet(received, 'toPropagate'), hop),
  ),
  toHaveServiceGraph: toMatcher(
    'toHaveServiceGraph',
    'traces',
    (received, edges: readonly EdgeExpectation[], options?: ServiceGraphOptions) =>
      hasServiceGraph(toTraceSet(received, 'toHaveServiceGraph'), edges, options),
  ),
  ...timingMatchers,
};
