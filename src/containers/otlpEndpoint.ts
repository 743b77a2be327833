import type { OtlpProtocol } from '../model/OtlpProtocol.ts';
import type { ExporterEnvOptions, ExporterTarget } from './ExporterTarget.ts';

/**
 * An {@link ExporterTarget} for an OTLP endpoint you run yourself (base URL, without `/v1/traces`). When a service
 * reaches it under another host name (`host.docker.internal` from a container), only the host part is replaced.
 *
 * @example
 * const target = otlpEndpoint('http://172.17.0.1:4318');
 * await using orders = await new TracedContainer(image).withServiceName('orders').withExporter(target).start();
 */
export function otlpEndpoint(url: string, protocol: OtlpProtocol = 'http/protobuf'): ExporterTarget {
  // `new URL('localhost:4318')` parses, with "localhost:" as the scheme: check the scheme too.
  const base = URL.canParse(url) ? new URL(url) : undefined;
  if (base === undefined || (base.protocol !== 'http:' && base.protocol !== 'https:')) {
    throw new Error(`[tracespec] otlpEndpoint() needs an absolute URL such as "http://127.0.0.1:4318", got "${url}".`);
  }
  return {
    env(options: ExporterEnvOptions): Record<string, string> {
      const endpoint = new URL(base.href);
      if (options.host !== undefined) endpoint.hostname = options.host;
      return {
        OTEL_EXPORTER_OTLP_ENDPOINT: endpoint.href.replace(/\/$/, ''),
        OTEL_EXPORTER_OTLP_PROTOCOL: options.protocol ?? protocol,
        OTEL_SERVICE_NAME: options.serviceName,
        OTEL_TRACES_EXPORTER: 'otlp',
      };
    },
  };
}
