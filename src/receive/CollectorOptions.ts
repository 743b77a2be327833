import type { SpanStore } from '../capture/SpanStore.ts';

/**
 * Options of `startCollector()`. Everything is optional: by default the collector binds 127.0.0.1 on random free
 * ports, keeps its own store, and needs no token.
 *
 * @example
 * await startCollector({ store: recorder.store, token: 'secret', host: '0.0.0.0' });
 */
export interface CollectorOptions {
  /** Address to bind (default `127.0.0.1`). Containers need the Docker bridge address or `0.0.0.0`. */
  readonly host?: string;
  /** Port of OTLP/HTTP and Zipkin (default 0: a free port). */
  readonly httpPort?: number;
  /** Port of OTLP/gRPC (default 0: a free port). */
  readonly grpcPort?: number;
  /** Set false to skip the gRPC receiver (and not load `@grpc/grpc-js`). */
  readonly grpc?: boolean;
  /** When set, every request must carry `authorization: Bearer <token>`. */
  readonly token?: string;
  /** Where received spans go; pass the in-process recorder's store so both meet in one trace. */
  readonly store?: SpanStore;
  /** Largest request body, compressed or decompressed (default 20 MiB, like the OpenTelemetry Collector). */
  readonly maxBodyBytes?: number;
  /**
   * Set false to skip the Jaeger agent's UDP ports. They do not check `token`: the agent protocol has no
   * authentication, so a collector bound to a shared address may want them off.
   */
  readonly jaegerAgent?: boolean;
  /** UDP port of the Jaeger agent's Thrift compact `emitBatch` (6831 in Jaeger's defaults; default 0: a free port). */
  readonly jaegerCompactPort?: number;
  /** UDP port of the Jaeger agent's Thrift binary `emitBatch` (6832 in Jaeger's defaults; default 0: a free port). */
  readonly jaegerBinaryPort?: number;
  /** Largest datagram the agent ports read (default 65000, the Jaeger agent's own limit). */
  readonly jaegerMaxDatagramBytes?: number;
}
