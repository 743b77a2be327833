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
import { jaegerRoute } from './jaeger/jaegerHttpRoute.ts';
import { type StartedJaegerAgent, startJaegerAgent } from './jaeger/startJaegerAgent.ts';
import { zipkinRoute } from './zipkin/zipkinRoute.ts';

const DEFAULT_MAX_BODY = 20 * 1024 * 1024;
const JAEGER_MAX_DATAGRAM = 65_000;
// Asked of the kernel for each agent port, so that a client's burst waits in the socket instead of being dropped
// (Linux grants at most net.core.rmem_max).
const UDP_RECEIVE_BUFFER = 4 * 1024 * 1024;

/**
 * Starts the embedded collector: OTLP/HTTP (protobuf, JSON, gzip), Zipkin v2 and Jaeger Thrift over HTTP on one port,
 * OTLP/gRPC on another, the Jaeger agent's UDP ports (Thrift compact and binary), all writing to one
 * {@link SpanStore}.
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
  const maxDatagramBytes = jaegerMaxDatagram(options);
  const token = options.token;
  const server = createServer(createHttpHandler({ store, maxBodyBytes, ...(token === undefined ? {} : { token }) }));
  // Idle keep-alive connections are left for the clients to close (stop() closes them all). Node closes one after
  // 5 s by default, and a client that reuses it just then (one that read its last answer late, on a loaded machine)
  // gets ECONNRESET instead of an answer.
  server.keepAliveTimeout = 0;
  const httpPort = await listen(server, host, options.httpPort ?? 0);
  // An http instrumentation in this process would trace the exporters' requests to us; those spans are not kept.
  addReceiverPort(httpPort);
  let grpc: StartedGrpcReceiver | undefined;
  const agents: StartedJaegerAgent[] = [];
  try {
    if (options.grpc !== false) {
      grpc = await startGrpcReceiver({
        host,
        port: options.grpcPort ?? 0,
        store,
        maxBodyBytes,
        ...(token === undefined ? {} : { token }),
      });
    }
    if (options.jaegerAgent !== false) {
      const agent = {
        host,
        store,
        maxDatagramBytes,
        receiveBufferBytes: UDP_RECEIVE_BUFFER,
      };
      agents.push(await startJaegerAgent({ ...agent, protocol: 'compact', port: options.jaegerCompactPort ?? 0 }));
      agents.push(await startJaegerAgent({ ...agent, protocol: 'binary', port: options.jaegerBinaryPort ?? 0 }));
    }
  } catch (error) {
    removeReceiverPort(httpPort);
    await Promise.all([close(server), grpc?.stop(), ...agents.map((agent) => agent.stop())]);
    throw error;
  }
  const [compactAgent, binaryAgent] = agents;
  const address = {
    host,
    httpPort,
    ...(grpc ? { grpcPort: grpc.port } : {}),
    ...(compactAgent && binaryAgent
      ? { jaegerCompactPort: compactAgent.port, jaegerBinaryPort: binaryAgent.port }
      : {}),
    ...(token === undefined ? {} : { token }),
  };
  const base = `http://${urlHost(host)}`;
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= Promise.all([close(server), grpc?.stop(), ...agents.map((agent) => agent.stop())]).then(() =>
      removeReceiverPort(httpPort),
    );
    return stopped;
  };
  return {
    endpoints: {
      otlpHttp: `${base}:${httpPort}`,
      ...(grpc ? { otlpGrpc: `${base}:${grpc.port}` } : {}),
      zipkin: `${base}:${httpPort}${zipkinRoute.path}`,
      jaeger: `${base}:${httpPort}${jaegerRoute.path}`,
      ...(compactAgent && binaryAgent
        ? { jaegerAgent: { host, compactPort: compactAgent.port, binaryPort: binaryAgent.port } }
        : {}),
    },
    store,
    env: (envOptions) => collectorEnv(address, envOptions),
    jaegerAgentStats: () => agents.map((agent) => agent.stats()),
    traces: () => store.traceSet(),
    traceSet: () => store.traceSet(),
    waitForTrace: (selector, waitOptions) => waitForTrace(store, selector, waitOptions),
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

function jaegerMaxDatagram(options: CollectorOptions): number {
  const max = options.jaegerMaxDatagramBytes ?? JAEGER_MAX_DATAGRAM;
  if (!(max > 0 && max <= 65_535)) {
    throw new RangeError(
      `[tracespec] jaegerMaxDatagramBytes must be between 1 and 65535 bytes (a UDP datagram's limit), got ${max}.`,
    );
  }
  return max;
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
