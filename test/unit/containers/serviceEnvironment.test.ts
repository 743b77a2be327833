import { describe, expect, test } from 'vitest';
import { otlpEndpoint } from '../../../src/containers/index.ts';
import { DEFAULT_SETTINGS } from '../../../src/containers/ServiceSettings.ts';
import { serviceEnvironment } from '../../../src/containers/serviceEnvironment.ts';

const placement = {
  serviceName: 'gateway',
  port: 3000,
  exporterHost: 'host.docker.internal',
  serviceUrls: { orders: 'http://orders:3000' },
};

describe('serviceEnvironment', () => {
  test('injects the exporter as seen from the service, the export delay, the port and the links', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      exporter: otlpEndpoint('http://172.17.0.1:4318'),
      links: { ORDERS_URL: 'orders' },
      batchDelayMs: 50,
    };
    expect(serviceEnvironment(settings, placement)).toEqual({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://host.docker.internal:4318',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
      OTEL_SERVICE_NAME: 'gateway',
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_BSP_SCHEDULE_DELAY: '50',
      TRACESPEC_IGNORE_PATHS: '/.well-known/tracespec-ready',
      PORT: '3000',
      ORDERS_URL: 'http://orders:3000',
    });
  });

  test('tells tracespec/service to leave the readiness probe out of the traces', () => {
    const settings = { ...DEFAULT_SETTINGS, readyPath: '/health' };
    expect(serviceEnvironment(settings, placement).TRACESPEC_IGNORE_PATHS).toBe('/health');
  });

  test("lets the user's own variables win over what tracespec chose", () => {
    const settings = { ...DEFAULT_SETTINGS, environment: { OTEL_BSP_SCHEDULE_DELAY: '1', PORT: '8080' } };
    const env = serviceEnvironment(settings, placement);
    expect([env.OTEL_BSP_SCHEDULE_DELAY, env.PORT]).toEqual(['1', '8080']);
  });

  test('names the service, the variable and the known services when a link points nowhere', () => {
    const settings = { ...DEFAULT_SETTINGS, links: { STOCK_URL: 'stock' } };
    expect(() => serviceEnvironment(settings, placement)).toThrow(
      '[tracespec] service "gateway" links STOCK_URL to "stock", which is not part of the environment (services: orders).',
    );
  });
});
