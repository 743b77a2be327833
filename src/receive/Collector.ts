import type { SpanStore } from '../capture/SpanStore.ts';
import type { TraceSelector } from '../capture/TraceSelector.ts';
import type { WaitForTraceOptions } from '../capture/waitForTrace.ts';
import type { Trace } from '../model/Trace.ts';
import type { TraceSet } from '../model/TraceSet.ts';
import type { CollectorEnvOptions } from './collectorEnv.ts';
import type { JaegerAgentStats } from './jaeger/JaegerAgentStats.ts';

/**
 * Where Jaeger clients send UDP: one host, a port per Thrift protocol.
 *
 * @example
 * const { host, compactPort } = collector.endpoints.jaegerAgent ?? {};
 */
export interface JaegerAgentEndpoint {
  readonly host: string;
  /** `emitBatch` in Thrift compact: what most Jaeger clients send (Go, Java, Python, Ruby, C++). */
  readonly compactPort: number;
  /** `emitBatch` in Thrift binary: what jaeger-client for Node sends. */
  readonly binaryPort: number;
}

/**
 * The URLs exporters send to.
 *
 * @example
 * new ZipkinExporter({ url: collector.endpoints.zipkin });
 */
export interface CollectorEndpoints {
  /** OTLP/HTTP base URL; exporters append `/v1/traces`. */
  readonly otlpHttp: string;
  /** OTLP/gRPC URL, when the gRPC receiver runs. */
  readonly otlpGrpc?: string;
  /** Zipkin v2 spans URL (`.../api/v2/spans`). */
  readonly zipkin: string;
  /** Jaeger collector URL for Thrift over HTTP (`.../api/traces`), what `JAEGER_ENDPOINT` is set to. */
  readonly jaeger: string;
  /** The Jaeger agent's UDP ports, unless the collector was started with `jaegerAgent: false`. */
  readonly jaegerAgent?: JaegerAgentEndpoint;
}

/**
 * A started collector: endpoints, the environment for exporters, the received traces. Stop it with `stop()` or
 * let `await using` do it.
 *
 * @example
 * await using collector = await startCollector();
 * spawn('node', ['app.js'], { env: { ...process.env, ...collector.env({ serviceName: 'app' }) } });
 * const trace = await collector.waitForTrace({ rootName: 'GET /' });
 */
export interface Collector extends AsyncDisposable {
  readonly endpoints: CollectorEndpoints;
  readonly store: SpanStore;
  /**
   * `OTEL_EXPORTER_OTLP_*`, `OTEL_SERVICE_NAME`, `OTEL_BSP_SCHEDULE_DELAY`..., and `JAEGER_*` for Jaeger clients, for
   * a child process or container.
   */
  env(options?: CollectorEnvOptions): Record<string, string>;
  /** What each Jaeger agent port (UDP) received, stored, refused and lost; empty with `jaegerAgent: false`. */
  jaegerAgentStats(): readonly JaegerAgentStats[];
  /** Every trace in the store. */
  traces(): TraceSet;
  /** The same as {@link Collector.traces}: makes the collector itself a valid `expect(collector)` subject. */
  traceSet(): TraceSet;
  /** Resolves with the first matching trace that is complete and quiet for `settle` ms; see `waitForTrace`. */
  waitForTrace(selector: TraceSelector, options?: WaitForTraceOptions): Promise<Trace>;
  /** Closes every port; spans already received stay in the store. */
  stop(): Promise<void>;
}
