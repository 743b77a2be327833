// What tracespec/service says when a package the configuration needs is not installed. The packages come from a
// table (the way a service bundle provides them): the real ones of this repository, minus the missing one.
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { readServiceConfig } from '../../../src/service/readServiceConfig.ts';
import type { ServiceModules } from '../../../src/service/ServiceModules.ts';
import { startServiceTracing } from '../../../src/service/startServiceTracing.ts';

const require = createRequire(import.meta.url);

function installed(...names: string[]): ServiceModules {
  return {
    has: (name) => names.includes(name),
    load: (name) =>
      names.includes(name) ? { module: require(name) as Record<string, unknown>, version: 'test' } : undefined,
  };
}

const sdk = ['@opentelemetry/sdk-trace', '@opentelemetry/resources', '@opentelemetry/core'];

describe('tracespec/service with a package missing', () => {
  test('no SDK: an error that names what to install', () => {
    const { config } = readServiceConfig({ OTEL_SERVICE_NAME: 'bare' });
    expect(() => startServiceTracing(config, installed(), { log: () => {} })).toThrow(
      "[tracespec/service] no OpenTelemetry trace SDK is installed for this service. Install today's line: npm install @opentelemetry/sdk-trace @opentelemetry/api @opentelemetry/exporter-trace-otlp-proto @opentelemetry/instrumentation-http (or the 2.x line with @opentelemetry/sdk-trace-base).",
    );
  });

  test.each([
    [{ OTEL_TRACES_EXPORTER: 'zipkin' }, 'OTEL_TRACES_EXPORTER=zipkin needs @opentelemetry/exporter-zipkin'],
    [
      { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' },
      'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=grpc needs @opentelemetry/exporter-trace-otlp-grpc',
    ],
    [{ OTEL_PROPAGATORS: 'b3' }, 'OTEL_PROPAGATORS=b3 needs @opentelemetry/propagator-b3'],
  ])('%j: %s', (env, message) => {
    const { config } = readServiceConfig({ OTEL_SERVICE_NAME: 'bare', OTEL_TRACES_EXPORTER: 'none', ...env });
    expect(() => startServiceTracing(config, installed(...sdk), { log: () => {} })).toThrow(
      `[tracespec/service] ${message}, which is not installed for this service:`,
    );
  });
});
