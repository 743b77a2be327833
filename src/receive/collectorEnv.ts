import type { OtlpProtocol } from '../model/OtlpProtocol.ts';

/**
 * Options of `collector.env()`.
 *
 * @example
 * collector.env({ serviceName: 'cart', host: 'host.docker.internal', protocol: 'http/json' });
 */
export interface CollectorEnvOptions {
  /** Sets `OTEL_SERVICE_NAME`. */
  readonly serviceName?: string;
  /** The host name the exporter must use to reach the collector, e.g. `host.docker.internal` in a container. */
  readonly host?: string;
  /** Default `http/protobuf`. */
  readonly protocol?: OtlpProtocol;
}

/**
 * What {@link collectorEnv} needs to know about a started collector.
 *
 * @example
 * collectorEnv({ host: '127.0.0.1', httpPort: 4318, grpcPort: 4317 });
 */
export interface CollectorAddress {
  readonly host: string;
  readonly httpPort: number;
  readonly grpcPort?: number;
  readonly token?: string;
}

/** Batch delay for exporters in tests: long enough to batch a request's spans, short enough not to wait on. */
const SCHEDULE_DELAY_MS = '50';

/**
 * The environment variables a child process or container needs to export its spans to the collector.
 *
 * @example
 * spawn('node', ['service.js'], { env: { ...process.env, ...collectorEnv(address, { serviceName: 'cart' }) } });
 */
export function collectorEnv(address: CollectorAddress, options: CollectorEnvOptions = {}): Record<string, string> {
  const protocol = options.protocol ?? 'http/protobuf';
  const host = urlHost(options.host ?? address.host);
  if (protocol === 'grpc' && address.grpcPort === undefined) {
    throw new Error(
      '[tracespec] collector.env({ protocol: "grpc" }) needs the gRPC receiver; start the collector without grpc: false.',
    );
  }
  const port = protocol === 'grpc' ? address.grpcPort : address.httpPort;
  const base = `http://${host}:${port}`;
  const env: Record<string, string> = {
    OTEL_TRACES_EXPORTER: 'otlp',
    OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
    OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: protocol,
    OTEL_EXPORTER_OTLP_ENDPOINT: base,
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: protocol === 'grpc' ? base : `${base}/v1/traces`,
    OTEL_EXPORTER_ZIPKIN_ENDPOINT: `http://${host}:${address.httpPort}/api/v2/spans`,
    OTEL_BSP_SCHEDULE_DELAY: SCHEDULE_DELAY_MS,
  };
  if (protocol === 'grpc') env.OTEL_EXPORTER_OTLP_INSECURE = 'true';
  if (address.token !== undefined)
    env.OTEL_EXPORTER_OTLP_HEADERS = `authorization=${encodeURIComponent(`Bearer ${address.token}`)}`;
  if (options.serviceName !== undefined) env.OTEL_SERVICE_NAME = options.serviceName;
  return env;
}

/** A host as it goes into a URL (IPv6 literals in brackets). */
export function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
