import { describe, expect, test } from 'vitest';
import { readServiceConfig } from '../../../src/service/readServiceConfig.ts';

describe('readServiceConfig', () => {
  test('with nothing set: OTLP http/protobuf to localhost, W3C propagators, http and undici, 5 s batches', () => {
    const { config, problems } = readServiceConfig({});
    expect(problems).toEqual([]);
    expect(config).toEqual({
      disabled: false,
      serviceName: 'unknown_service:node',
      resource: { 'service.name': 'unknown_service:node' },
      exporters: [{ kind: 'otlp', protocol: 'http/protobuf', endpoint: 'http://localhost:4318/v1/traces' }],
      propagators: ['tracecontext', 'baggage'],
      batchDelayMs: 5000,
      instrumentations: ['http', 'undici'],
      ignorePaths: [],
    });
  });

  test('what collector.env() and a TracedContainer set', () => {
    const { config, problems } = readServiceConfig({
      OTEL_SERVICE_NAME: 'orders',
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
      OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://host.docker.internal:4318/',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://host.docker.internal:4318/v1/traces',
      OTEL_BSP_SCHEDULE_DELAY: '100',
      TRACESPEC_IGNORE_PATHS: '/health, /ready',
    });
    expect(problems).toEqual([]);
    expect(config.serviceName).toBe('orders');
    // The signal-specific protocol and endpoint win over the general ones; the endpoint is used as is.
    expect(config.exporters).toEqual([
      { kind: 'otlp', protocol: 'http/json', endpoint: 'http://host.docker.internal:4318/v1/traces' },
    ]);
    expect(config.batchDelayMs).toBe(100);
    expect(config.ignorePaths).toEqual(['/health', '/ready']);
  });

  test('a base endpoint gets /v1/traces for HTTP and stays as it is for gRPC', () => {
    const http = readServiceConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318//' }).config;
    expect(http.exporters[0]).toMatchObject({ endpoint: 'http://127.0.0.1:4318/v1/traces' });
    const grpc = readServiceConfig({
      OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4317',
    }).config;
    expect(grpc.exporters[0]).toEqual({ kind: 'otlp', protocol: 'grpc', endpoint: 'http://127.0.0.1:4317' });
    expect(readServiceConfig({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }).config.exporters[0]).toMatchObject({
      endpoint: 'http://localhost:4317',
    });
  });

  test('resource attributes are decoded, and OTEL_SERVICE_NAME wins over service.name in them', () => {
    const { config } = readServiceConfig({
      OTEL_RESOURCE_ATTRIBUTES: 'service.name=from-resource,deployment.environment=test%20lab, team = shop ',
    });
    expect(config.serviceName).toBe('from-resource');
    expect(config.resource).toEqual({
      'service.name': 'from-resource',
      'deployment.environment': 'test lab',
      team: 'shop',
    });
    const named = readServiceConfig({ OTEL_SERVICE_NAME: 'cart', OTEL_RESOURCE_ATTRIBUTES: 'service.name=x' });
    expect(named.config.resource['service.name']).toBe('cart');
  });

  test('zipkin, console and none exporters; none wins over the others', () => {
    expect(
      readServiceConfig({
        OTEL_TRACES_EXPORTER: 'zipkin,console',
        OTEL_EXPORTER_ZIPKIN_ENDPOINT: 'http://127.0.0.1:9/api/v2/spans',
      }).config.exporters,
    ).toEqual([{ kind: 'zipkin', endpoint: 'http://127.0.0.1:9/api/v2/spans' }, { kind: 'console' }]);
    expect(readServiceConfig({ OTEL_TRACES_EXPORTER: 'otlp,none' }).config.exporters).toEqual([{ kind: 'none' }]);
  });

  test('propagators and instrumentations from their lists; none and repeats are handled', () => {
    const { config } = readServiceConfig({
      OTEL_PROPAGATORS: 'b3multi, jaeger,B3,jaeger',
      OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http,undici',
      OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'undici',
    });
    expect(config.propagators).toEqual(['b3multi', 'jaeger', 'b3']);
    expect(config.instrumentations).toEqual(['http']);
    expect(readServiceConfig({ OTEL_PROPAGATORS: 'none' }).config.propagators).toEqual([]);
  });

  test('a value that cannot be used is named, with what is used instead', () => {
    const { config, problems } = readServiceConfig({
      OTEL_EXPORTER_OTLP_PROTOCOL: 'thrift',
      OTEL_TRACES_EXPORTER: 'otlp,jaeger',
      OTEL_PROPAGATORS: 'tracecontext,xray',
      OTEL_BSP_SCHEDULE_DELAY: 'soon',
      OTEL_RESOURCE_ATTRIBUTES: 'novalue,bad=%E0%A4%A',
    });
    expect(problems).toEqual([
      'OTEL_RESOURCE_ATTRIBUTES has "novalue", which is not key=value; it is left out.',
      'OTEL_RESOURCE_ATTRIBUTES: the value of "bad" is not valid percent-encoding; it is left out.',
      'the OTLP protocol "thrift" is not one of http/protobuf, http/json, grpc; using http/protobuf.',
      'OTEL_TRACES_EXPORTER names "jaeger", which is not one of otlp, zipkin, console, none; it is left out.',
      'OTEL_PROPAGATORS names "xray", which tracespec/service does not know (it knows tracecontext, baggage, b3, b3multi, jaeger); it is left out.',
      'OTEL_BSP_SCHEDULE_DELAY="soon" is not a number of milliseconds; using 5000.',
    ]);
    expect(config.exporters).toEqual([
      { kind: 'otlp', protocol: 'http/protobuf', endpoint: 'http://localhost:4318/v1/traces' },
    ]);
    expect(config.propagators).toEqual(['tracecontext']);
  });

  test('OTEL_SDK_DISABLED=true turns it off', () => {
    expect(readServiceConfig({ OTEL_SDK_DISABLED: 'TRUE' }).config.disabled).toBe(true);
    expect(readServiceConfig({ OTEL_SDK_DISABLED: 'false' }).config.disabled).toBe(false);
  });
});
