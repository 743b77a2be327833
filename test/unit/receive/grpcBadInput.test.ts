import { Client, credentials, Metadata, type ServiceError, status } from '@grpc/grpc-js';
import { type Collector, startCollector } from 'tracespec/otlp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decodePartialSuccess, encodeOtlpProto, spanIdOf, traceIdOf } from './support/encodeOtlp.ts';

const PATH = '/opentelemetry.proto.collector.trace.v1.TraceService/Export';
let collector: Collector;
let client: Client;

beforeAll(async () => {
  collector = await startCollector({ token: 'g-token', maxBodyBytes: 64 * 1024 });
  client = new Client((collector.endpoints.otlpGrpc ?? '').replace('http://', ''), credentials.createInsecure());
});
afterAll(async () => {
  client.close();
  await collector.stop();
});

function exportRaw(body: Uint8Array, token?: string): Promise<Buffer> {
  const metadata = new Metadata();
  if (token !== undefined) metadata.set('authorization', `Bearer ${token}`);
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest(
      PATH,
      (bytes: Uint8Array) => Buffer.from(bytes),
      (bytes: Buffer) => bytes,
      body,
      metadata,
      (error, response) => (error ? reject(error) : resolve(response as Buffer)),
    );
  });
}

const span = (n: number) => ({ traceId: traceIdOf(n), spanId: spanIdOf(n), name: `grpc ${n}` });

describe('OTLP/gRPC refuses bad input clearly and keeps working', () => {
  test('partial success for invalid ids', async () => {
    const before = collector.store.size;
    const answer = await exportRaw(
      encodeOtlpProto([span(1), { traceId: '', spanId: spanIdOf(2), name: 'no trace id' }]),
      'g-token',
    );
    expect(decodePartialSuccess(answer)).toEqual({
      rejected: 1,
      message: '[tracespec] rejected 1 span(s): span "no trace id": trace id "" is not 16 bytes of hex',
    });
    expect(collector.store.size).toBe(before + 1);
    expect(collector.store.spansOf(traceIdOf(1))[0]?.source).toBe('otlp-grpc');
  });

  test('INVALID_ARGUMENT for malformed protobuf, UNAUTHENTICATED without the token, RESOURCE_EXHAUSTED over the limit', async () => {
    const before = collector.store.size;
    const valid = encodeOtlpProto([span(3), span(4)]);
    const malformed = (await exportRaw(valid.subarray(0, valid.length - 5), 'g-token').catch((e) => e)) as ServiceError;
    expect(malformed.code).toBe(status.INVALID_ARGUMENT);
    expect(malformed.details).toMatch(
      /^\[tracespec\] malformed OTLP protobuf: .*Nothing from this request was stored\.$/,
    );
    const anonymous = (await exportRaw(valid).catch((e) => e)) as ServiceError;
    expect(anonymous.code).toBe(status.UNAUTHENTICATED);
    expect(anonymous.details).toContain(
      '[tracespec] the collector requires a bearer token and got no authorization header.',
    );
    const wrong = (await exportRaw(valid, 'guess').catch((e) => e)) as ServiceError;
    expect(wrong.code).toBe(status.UNAUTHENTICATED);
    const huge = (await exportRaw(new Uint8Array(65 * 1024), 'g-token').catch((e) => e)) as ServiceError;
    expect(huge.code).toBe(status.RESOURCE_EXHAUSTED);
    expect(collector.store.size).toBe(before);
    // A gzip bomb: 4 MiB of zeros compress to a few KiB; grpc-js checks the limit on the inflated size.
    const zipping = new Client(
      (collector.endpoints.otlpGrpc ?? '').replace('http://', ''),
      credentials.createInsecure(),
      {
        'grpc.default_compression_algorithm': 2,
      },
    );
    const metadata = new Metadata();
    metadata.set('authorization', 'Bearer g-token');
    const bomb = await new Promise<ServiceError>((resolve) =>
      zipping.makeUnaryRequest(
        PATH,
        (bytes: Uint8Array) => Buffer.from(bytes),
        (bytes: Buffer) => bytes,
        new Uint8Array(4 * 1024 * 1024),
        metadata,
        (error) => resolve(error as ServiceError),
      ),
    );
    zipping.close();
    expect(bomb.code).toBe(status.RESOURCE_EXHAUSTED);
    expect(collector.store.size).toBe(before);
    await exportRaw(valid, 'g-token');
    expect(collector.store.size).toBe(before + 2);
  });
});
