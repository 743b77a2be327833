import type { OtlpProtocol } from '../model/OtlpProtocol.ts';

/**
 * How a Jaeger client reports (see {@link CollectorEnvOptions.jaegerSender}).
 *
 * @example
 * collector.env({ serviceName: 'frontend', jaegerSender: 'udp-binary' });
 */
export type JaegerSender = 'http' | 'udp-compact' | 'udp-binary';

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
  /**
   * How Jaeger clients report. `http` (default) sets `JAEGER_ENDPOINT`, which clients with an HTTP sender use
   * instead of UDP (Node, Go, Java), and points `JAEGER_AGENT_PORT` at the compact port for those without one. `udp-compact` and
   * `udp-binary` leave `JAEGER_ENDPOINT` out, so that clients send UDP to the agent port of that Thrift protocol
   * (jaeger-client for Node sends binary, the others compact).
   */
  readonly jaegerSender?: JaegerSender;
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
  /** The Jaeger agent's UDP ports, when they run. */
  readonly jaegerCompactPort?: number;
  readonly jaegerBinaryPort?: number;
  readonly token?: string;
}

/** Batch delay for exporters in tests: long enough to batch a request's spans, short enough not to wait on. */
const SCHEDULE_DELAY_MS = '50';

/**
 * The environment variables a child process or container needs to export its spans to the collector: the
 * OpenTelemetry SDK's `OTEL_*`, and the `JAEGER_*` that Jaeger clients read (endpoint or agent, service name, and a
 * `const` sampler that keeps every trace, instead of the remote sampler that asks an agent tracespec does not run).
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
  return { ...env, ...jaegerEnv(address, options.host ?? address.host, options) };
}

function jaegerEnv(address: CollectorAddress, host: string, options: CollectorEnvOptions): Record<string, string> {
  const sender = options.jaegerSender ?? 'http';
  const env: Record<string, string> = {};
  if (sender === 'http') {
    env.JAEGER_ENDPOINT = `http://${urlHost(host)}:${address.httpPort}/api/traces`;
    // Sent as a bearer token by the Java client; jaeger-client for Node has none (start the collector without a token).
    if (address.token !== undefined) env.JAEGER_AUTH_TOKEN = address.token;
  }
  const agentPort = sender === 'udp-binary' ? address.jaegerBinaryPort : address.jaegerCompactPort;
  if (agentPort !== undefined) {
    env.JAEGER_AGENT_HOST = host;
    env.JAEGER_AGENT_PORT = String(agentPort);
  } else if (sender !== 'http') {
    throw new Error(
      `[tracespec] collector.env({ jaegerSender: "${sender}" }) needs the Jaeger agent ports; start the collector without jaegerAgent: false.`,
    );
  }
  if (options.serviceName !== undefined) env.JAEGER_SERVICE_NAME = options.serviceName;
  env.JAEGER_SAMPLER_TYPE = 'const';
  env.JAEGER_SAMPLER_PARAM = '1';
  return env;
}

/** A host as it goes into a URL (IPv6 literals in brackets). */
export function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
