/** The OTLP transports an exporter can use (`OTEL_EXPORTER_OTLP_TRACES_PROTOCOL`). */
export type ServiceOtlpProtocol = 'http/protobuf' | 'http/json' | 'grpc';

/** Where a service's spans go (`OTEL_TRACES_EXPORTER`). */
export type ServiceExporter =
  | { readonly kind: 'otlp'; readonly protocol: ServiceOtlpProtocol; readonly endpoint: string }
  | { readonly kind: 'zipkin'; readonly endpoint: string }
  | { readonly kind: 'console' }
  | { readonly kind: 'none' };

/** A context propagation format named in `OTEL_PROPAGATORS`. */
export type ServicePropagator = 'tracecontext' | 'baggage' | 'b3' | 'b3multi' | 'jaeger';

/** An instrumentation `tracespec/service` can enable (when its package is installed). */
export type ServiceInstrumentation = 'http' | 'undici';

/**
 * What `tracespec/service` sets up, read from the standard `OTEL_*` variables (see {@link readServiceConfig}).
 *
 * @example
 * const config: ServiceConfig = readServiceConfig(process.env).config;
 * config.exporter; // { kind: 'otlp', protocol: 'http/protobuf', endpoint: 'http://127.0.0.1:4318/v1/traces' }
 */
export interface ServiceConfig {
  /** `OTEL_SDK_DISABLED=true`: set nothing up. */
  readonly disabled: boolean;
  /** `OTEL_SERVICE_NAME`, else `service.name` of `OTEL_RESOURCE_ATTRIBUTES`, else `unknown_service:node`. */
  readonly serviceName: string;
  /** `OTEL_RESOURCE_ATTRIBUTES`, decoded, with `service.name` set. */
  readonly resource: Readonly<Record<string, string>>;
  readonly exporters: readonly ServiceExporter[];
  readonly propagators: readonly ServicePropagator[];
  /** `OTEL_BSP_SCHEDULE_DELAY` in ms (the SDK's batch processor no longer reads it itself). */
  readonly batchDelayMs: number;
  /** From `OTEL_NODE_ENABLED_INSTRUMENTATIONS` / `OTEL_NODE_DISABLED_INSTRUMENTATIONS`; default http and undici. */
  readonly instrumentations: readonly ServiceInstrumentation[];
  /** `TRACESPEC_IGNORE_PATHS`: incoming request paths that get no span (readiness probes). */
  readonly ignorePaths: readonly string[];
}
