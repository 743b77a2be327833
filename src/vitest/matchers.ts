import type { CountOptions } from '../check/countExpectation.ts';
import { hasNoErrors } from '../check/hasNoErrors.ts';
import { type EdgeExpectation, hasServiceGraph, type ServiceGraphOptions } from '../check/hasServiceGraph.ts';
import { hasSpan } from '../check/hasSpan.ts';
import { hasSpanTree } from '../check/hasSpanTree.ts';
import { type ConnectedOptions, isConnected } from '../check/isConnected.ts';
import { type PropagationHop, propagates } from '../check/propagates.ts';
import type { PropagationEvidence } from '../check/propagation/PropagationEvidence.ts';
import { toSpan, toTraceSet } from '../check/received.ts';
import type {
  AttributeMatcher,
  EventExpectation,
  SpanExpectation,
  StatusExpectation,
} from '../check/SpanExpectation.ts';
import type { ShapeNode, TreeShapeOptions } from '../check/shape/SpanShape.ts';
import { hasAttributes, hasEvent, hasParent, hasStatus, isRoot } from '../check/spanChecks.ts';
import type { Span } from '../model/Span.ts';
import type { TraceSet } from '../model/TraceSet.ts';
import type { WireRecord } from '../model/WireRecord.ts';
import { toEventuallyHaveSpan } from './eventually.ts';
import { timingMatchers } from './timingMatchers.ts';
import { toMatcher } from './toMatcher.ts';

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
  toBeConnected: toMatcher('toBeConnected', 'traces', (received, options?: ConnectedOptions) =>
    isConnected(toTraceSet(received, 'toBeConnected'), { ...evidenceOf(received), ...options }),
  ),
  toPropagate: toMatcher('toPropagate', 'traces', (received, hop: PropagationHop) =>
    propagates(toTraceSet(received, 'toPropagate'), hop, evidenceOf(received)),
  ),
  toHaveServiceGraph: toMatcher(
    'toHaveServiceGraph',
    'traces',
    (received, edges: readonly EdgeExpectation[], options?: ServiceGraphOptions) =>
      hasServiceGraph(toTraceSet(received, 'toHaveServiceGraph'), edges, { ...evidenceOf(received), ...options }),
  ),
  ...timingMatchers,
};

/**
 * The evidence besides the traces that the propagation matchers read: a test's live traces offer the split-off
 * traces, concurrent tests' traces and the taps' wire records; a collector offers its wire records.
 */
function evidenceOf(received: unknown): ConnectedOptions {
  const source = received as { evidence?: () => PropagationEvidence; store?: { wire?: () => readonly WireRecord[] } };
  if (typeof source?.evidence === 'function') {
    const { traces: _traces, ...rest } = source.evidence();
    return rest;
  }
  if (typeof source?.store?.wire === 'function') return { wire: source.store.wire() };
  return {};
}
