// tracespec/msw: record the requests an msw 3 server intercepts and check the trace context they carry.
export type { BaggageExpectation, BaggageOptions } from './BaggageExpectation.ts';
export { checkCarriesBaggage } from './checkCarriesBaggage.ts';
export { checkCarriesTraceContext } from './checkCarriesTraceContext.ts';
export { checkPropagatesTo } from './checkPropagatesTo.ts';
export { checkSentRequest } from './checkSentRequest.ts';
export { findSenderSpan } from './findSenderSpan.ts';
export type { MswServerLike, RequestStartEvent } from './MswServerLike.ts';
export { OutboundRecorder } from './OutboundRecorder.ts';
export type { OutboundRequest } from './OutboundRequest.ts';
export type { PropagateToOptions } from './PropagateToOptions.ts';
export { recordOutbound } from './recordOutbound.ts';
export type { OutboundSubject } from './requestsOf.ts';
export type { SentRequestOptions, UrlMatcher } from './SentRequestOptions.ts';
export type { SpanRef } from './SpanRef.ts';
export type { TraceContextExpectation } from './TraceContextExpectation.ts';
