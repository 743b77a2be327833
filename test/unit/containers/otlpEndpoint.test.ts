import { describe, expect, test } from 'vitest';
import { otlpEndpoint } from '../../../src/containers/index.ts';

describe('otlpEndpoint', () => {
  test('describes the endpoint, the service and the protocol as OTEL_* variables', () => {
    expect(otlpEndpoint('http://127.0.0.1:4318').env({ serviceName: 'orders' })).toEqual({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
      OTEL_SERVICE_NAME: 'orders',
      OTEL_TRACES_EXPORTER: 'otlp',
    });
  });

  test('replaces only the host when the service reaches the endpoint under another name', () => {
    const env = otlpEndpoint('http://172.17.0.1:4318/otlp').env({ serviceName: 'a', host: 'host.docker.internal' });
    expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://host.docker.internal:4318/otlp');
  });

  test('takes the protocol from the caller over its own default', () => {
    const env = otlpEndpoint('http://127.0.0.1:4317', 'grpc').env({ serviceName: 'a', protocol: 'http/json' });
    expect(env.OTEL_EXPORTER_OTLP_PROTOCOL).toBe('http/json');
  });

  test('rejects a relative URL with a message that shows the expected form', () => {
    expect(() => otlpEndpoint('localhost:4318')).toThrow(/\[tracespec\] otlpEndpoint\(\) needs an absolute URL/);
  });
});
