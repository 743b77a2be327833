import { describe, expectTypeOf, test } from 'vitest';
import {
  type Collector,
  type CollectorEnvOptions,
  type CollectorOptions,
  type DecodedSpans,
  decodeJaegerBatch,
  decodeJaegerEmitBatch,
  type JAEGER_TRACE_ID_ATTRIBUTE,
  type JaegerAgentEndpoint,
  type JaegerAgentStats,
  type JaegerSender,
  type ThriftProtocolName,
} from '../../src/otlp/index.ts';

describe('tracespec/otlp: Jaeger types', () => {
  test('decoders take bytes and a Thrift protocol, and give decoded spans', () => {
    expectTypeOf(decodeJaegerBatch).parameters.toEqualTypeOf<[Uint8Array, ThriftProtocolName?]>();
    expectTypeOf(decodeJaegerEmitBatch).parameters.toEqualTypeOf<[Uint8Array, ThriftProtocolName]>();
    expectTypeOf(decodeJaegerBatch).returns.toEqualTypeOf<DecodedSpans>();
    expectTypeOf<ThriftProtocolName>().toEqualTypeOf<'binary' | 'compact'>();
    expectTypeOf<typeof JAEGER_TRACE_ID_ATTRIBUTE>().toEqualTypeOf<'jaeger.trace_id'>();
  });

  test('the collector: Jaeger endpoints, agent statistics, options', () => {
    expectTypeOf<Collector['endpoints']['jaeger']>().toEqualTypeOf<string>();
    expectTypeOf<Collector['endpoints']['jaegerAgent']>().toEqualTypeOf<JaegerAgentEndpoint | undefined>();
    expectTypeOf<Collector['jaegerAgentStats']>().returns.toEqualTypeOf<readonly JaegerAgentStats[]>();
    expectTypeOf<JaegerAgentStats>().toHaveProperty('received').toEqualTypeOf<number>();
    expectTypeOf<JaegerAgentStats>().toHaveProperty('problems').toEqualTypeOf<readonly string[]>();
    expectTypeOf<JaegerAgentStats['dropped']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<CollectorEnvOptions['jaegerSender']>().toEqualTypeOf<JaegerSender | undefined>();
    expectTypeOf<JaegerSender>().toEqualTypeOf<'http' | 'udp-compact' | 'udp-binary'>();
    expectTypeOf<{ jaegerAgent: false; jaegerCompactPort: 6831 }>().toExtend<CollectorOptions>();
    // @ts-expect-error: the agent ports take numbers
    expectTypeOf<{ jaegerBinaryPort: '6832' }>().toExtend<CollectorOptions>();
  });
});
