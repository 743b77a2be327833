import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addReceiverPort, removeReceiverPort } from '../capture/ownTraffic.ts';
import { SpanStore } from '../capture/SpanStore.ts';
import { installedTracing } from '../capture/tracingSlot.ts';
import { waitForTrace } from '../capture/waitForTrace.ts';
import type { Collector } from './Collector.ts';
import type { CollectorOptions } from './CollectorOptions.ts';
import { collectorEnv, urlHost } from './collectorEnv.ts';
import { type StartedGrpcReceiver, startGrpcReceiver } from './grpc/startGrpcReceiver.ts';
import { createHttpHandler } from './http/createHttpHandler.ts';
import { zipkinRoute } from './zipkin/zipkinRoute.ts';

const DEFAULT_MAX_BODY = 20 * 1024 * 1024;

/**
 * Starts the embedded collector: OTLP/HTTP (protobuf, JSON, gzip) and Zipkin v2 on one port, OTLP/gRPC on another,
 * all writing to one {@link SpanStore}.
 *
 * @example
 * await using collector = await startCollector({ store: recorder.store });
 * const child = spawn('node', ['service.js'], { env: { ...process.env, ...collector.env({ serviceName: 'cart' }) } });
 * const trace = await collector.waitForTrace({ rootName: 'POST /cart' }, { timeout: 5000 });
 */
export async function startCollector(options: CollectorOptions = {}): Promise<Collector> {
  const host = options.host ?? '127.0.0.1';
  // By default spans land where the in-process recorder writes, so both meet in one trace and one test.
  const store = options.store ?? installedTracing()?.store ?? new SpanStore();
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  if (!(maxBodyBytes > 0))
    throw new RangeError(`[tracespec] maxBodyBytes must be a positive number of bytes, got ${maxBodyBytes}.`);
  const token = options.token;
  const server = createServer(createHttpHandler({ store, maxBodyBytes, ...(token === undefined ? {} : { token }) }));
  const httpPort = await listen(server, host, options.httpPort ?? 0);
  // An http instrumentation in this process would trace the exporters' requests to us; those spans are not kept.
  addReceiverPort(httpPort);
  let grpc: StartedGrpcReceiver | undefined;
  if (options.grpc !== false) {
    try {
      grpc = await startGrpcReceiver({
        host,
        port: options.grpcPort ?? 0,
        store,
        maxBodyBytes,
        ...(token === undefined ? {} : { token }),
      });
    } catch (error) {
      removeReceiverPort(httpPort);
      await close(server);
      throw error;
    }
  }
  const address = {
    host,
    httpPort,
    ...(grpc ? { grpcPort: grpc.port } : {}),
    ...(token === undefined ? {} : { token }),
  };
  const base = `http://${urlHost(host)}`;
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= Promise.all([close(server), grpc?.stop()]).then(() => removeReceiverPort(httpPort));
    return stopped;
  };
  return {
    endpoints: {
      otlpHttp: `${base}:${httpPort}`,
      ...(grpc ? { otlpGrpc: `${base}:${grpc.port}` } : {}),
      zipkin: `${base}:${httpPort}${zipkinRoute.path}`,
    },
    store,
    env: (envOptions) => collectorEnv(address, envOptions),
    traces: () => store.traceSet(),
    traceSet: () => store.traceSet(),
    waitForTrace: (selector, waitOptions) => waitForTrace(store, selector, waitOptions),
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error) =>
      reject(
        new Error(
          `[tracespec] the collector could not listen on ${host}:${port}: ${error.message}. Pick another port or host.`,
        ),
      ),
    );
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
