import type { OtlpProtocol } from '../model/OtlpProtocol.ts';

/**
 * What a traced service asks of its exporter target.
 *
 * @example
 * collector.env({ serviceName: 'orders', host: 'host.docker.internal', protocol: 'grpc' } satisfies ExporterEnvOptions);
 */
export interface ExporterEnvOptions {
  /** Becomes `OTEL_SERVICE_NAME`. */
  readonly serviceName: string;
  /** Host name or address under which the service reaches the target; the target's own address if omitted. */
  readonly host?: string;
  readonly protocol?: OtlpProtocol;
}

/**
 * Where traced services send their spans: anything that can describe itself as `OTEL_*` environment variables.
 * tracespec's collector (`startCollector`) is one; {@link otlpEndpoint} makes one from a plain URL.
 *
 * @example
 * const target: ExporterTarget = otlpEndpoint('http://172.17.0.1:4318');
 * target.env({ serviceName: 'orders', host: 'host.docker.internal' });
 * // { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://host.docker.internal:4318', OTEL_SERVICE_NAME: 'orders', ... }
 */
export interface ExporterTarget {
  env(options: ExporterEnvOptions): Record<string, string>;
}
