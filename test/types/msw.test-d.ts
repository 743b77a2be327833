import { setupServer } from 'msw/node';
import type { PropagationFormat } from 'tracespec/msw';
import {
  type OutboundRecorder,
  type OutboundRequest,
  recordOutbound,
  type TraceContextExpectation,
} from 'tracespec/msw';
import { describe, expect, expectTypeOf, test } from 'vitest';
import 'tracespec/vitest';

declare const outbound: OutboundRecorder;
declare const request: OutboundRequest;

describe('tracespec/msw types', () => {
  test('recordOutbound takes an msw 3 server', () => {
    expectTypeOf(recordOutbound(setupServer())).toEqualTypeOf<OutboundRecorder>();
    expectTypeOf(outbound.requests).toEqualTypeOf<readonly OutboundRequest[]>();
    expectTypeOf(outbound.last).toEqualTypeOf<OutboundRequest | undefined>();
    // @ts-expect-error: any object is not a server
    recordOutbound({});
  });

  test('the outbound matchers are typed', () => {
    expectTypeOf(expect(request).toCarryTraceContext).parameter(0).toEqualTypeOf<TraceContextExpectation | undefined>();
    expectTypeOf<NonNullable<TraceContextExpectation['format']>>().toEqualTypeOf<PropagationFormat>();
    expectTypeOf(expect(request).toCarryTraceContext({ format: 'b3', sampled: true })).toEqualTypeOf<void>();
    expectTypeOf(
      expect(request).toCarryBaggage({ tenant: 'acme', user: /\d+/ }, { format: 'jaeger' }),
    ).toEqualTypeOf<void>();
    expectTypeOf(expect(outbound).toHaveSentRequest(/orders/, { method: 'POST', times: 1 })).toEqualTypeOf<void>();
    expectTypeOf(expect(outbound).not.toPropagateTo(/partner/, { only: 'baggage' })).toEqualTypeOf<void>();
    expect(outbound).toHaveSentRequest((sent) => sent.host === 'api.example.test');
    // @ts-expect-error: zipkin is no propagation format
    expect(request).toCarryTraceContext({ format: 'zipkin' });
    // @ts-expect-error: baggage values are strings or patterns
    expect(request).toCarryBaggage({ tenant: 1 });
    // @ts-expect-error: only trace-context or baggage
    expect(outbound).toPropagateTo('x', { only: 'headers' });
  });

  test('under expect.poll the matchers return promises', () => {
    expectTypeOf(expect.poll(() => outbound).toHaveSentRequest('http://x.test/')).toEqualTypeOf<Promise<void>>();
  });
});
