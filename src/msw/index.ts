// Public entry `tracespec/msw`: record the requests an msw 3 server intercepts and check the trace context they
// carry. The matchers (`toCarryTraceContext`, ...) come with `tracespec/vitest`; the checks below are the same as
// plain functions.

// What the outbound matchers and checks take.
export type { BaggageExpectation, BaggageOptions } from '../check/outbound/BaggageExpectation.ts';
// Checks.
export { findSenderSpan } from '../check/outbound/findSenderSpan.ts';
export { hasBaggage } from '../check/outbound/hasBaggage.ts';
export { hasPropagatedTo } from '../check/outbound/hasPropagatedTo.ts';
export { hasSentRequest } from '../check/outbound/hasSentRequest.ts';
export { hasTraceContext } from '../check/outbound/hasTraceContext.ts';
export type { OutboundRequest } from '../check/outbound/OutboundRequest.ts';
export type { PropagateToOptions } from '../check/outbound/PropagateToOptions.ts';
export type { OutboundSubject } from '../check/outbound/requestsOf.ts';
export type { SentRequestOptions, UrlMatcher } from '../check/outbound/SentRequestOptions.ts';
export type { SpanIds } from '../check/outbound/SpanIds.ts';
export type { TraceContextExpectation } from '../check/outbound/TraceContextExpectation.ts';
export type { PropagationFormat } from '../propagation/PropagationFormat.ts';
// Recording.
export type { MswServerLike, RequestStartEvent } from './MswServerLike.ts';
export { OutboundRecorder } from './OutboundRecorder.ts';
export { recordOutbound } from './recordOutbound.ts';

import { pointAtVitestMatchers } from '../capture/pointAtVitestMatchers.ts';

// Under vitest without `import 'tracespec/vitest'`, a tracespec matcher says what to import.
pointAtVitestMatchers();
