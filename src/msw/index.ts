// tracespec/msw: record the requests an msw 3 server intercepts and check the trace context they carry.
export type { BaggageExpectation, BaggageOptions } from '../check/outbound/BaggageExpectation.ts';
export { findSenderSpan } from '../check/outbound/findSenderSpan.ts';
export { checkCarriesBaggage } from '../check/outbound/hasBaggage.ts';
export { checkPropagatesTo } from '../check/outbound/hasPropagatedTo.ts';
export { checkSentRequest } from '../check/outbound/hasSentRequest.ts';
export { checkCarriesTraceContext } from '../check/outbound/hasTraceContext.ts';
export type { OutboundRequest } from '../check/outbound/OutboundRequest.ts';
export type { PropagateToOptions } from '../check/outbound/PropagateToOptions.ts';
export type { OutboundSubject } from '../check/outbound/requestsOf.ts';
export type { SentRequestOptions, UrlMatcher } from '../check/outbound/SentRequestOptions.ts';
export type { SpanRef } from '../check/outbound/SpanIds.ts';
export type { TraceContextExpectation } from '../check/outbound/TraceContextExpectation.ts';
export type { MswServerLike, RequestStartEvent } from './MswServerLike.ts';
export { OutboundRecorder } from './OutboundRecorder.ts';
export { recordOutbound } from './recordOutbound.ts';
