import type { ServerUnaryCall, ServiceDefinition, sendUnaryData } from '@grpc/grpc-js';
import type { SpanStore } from '../../capture/SpanStore.ts';
import { bearerProblem, checkBearer } from '../checkBearer.ts';
import { urlHost } from '../collectorEnv.ts';
import { MalformedInputError } from '../MalformedInputError.ts';
import { decodeOtlpProtobuf } from '../otlp/proto/decodeOtlpProtobuf.ts';
import { encodeExportResponse } from '../otlp/proto/encodeExportResponse.ts';

/** The gRPC method OTLP exporters call. */
export const OTLP_GRPC_EXPORT_PATH = '/opentelemetry.proto.collector.trace.v1.TraceService/Export';

/** Where and how the gRPC receiver listens. */
export interface GrpcReceiverOptions {
  readonly host: string;
  readonly port: number;
  readonly store: SpanStore;
  readonly token?: string;
  readonly maxBodyBytes: number;
}

/** A listening gRPC receiver. */
export interface StartedGrpcReceiver {
  readonly port: number;
  stop(): Promise<void>;
}

const identity = (bytes: Buffer) => bytes;

/**
 * Serves OTLP/gRPC `TraceService/Export` with `@grpc/grpc-js` (gzip-compressed messages included). Messages stay
 * raw bytes through grpc-js and are decoded by the same protobuf reader as OTLP/HTTP.
 *
 * @example
 * const receiver = await startGrpcReceiver({ host: '127.0.0.1', port: 0, store, maxBodyBytes: 4 << 20 });
 */
export async function startGrpcReceiver(options: GrpcReceiverOptions): Promise<StartedGrpcReceiver> {
  const grpc = await import('@grpc/grpc-js');
  const definition: ServiceDefinition = {
    Export: {
      path: OTLP_GRPC_EXPORT_PATH,
      requestStream: false,
      responseStream: false,
      requestSerialize: identity,
      requestDeserialize: identity,
      responseSerialize: identity,
      responseDeserialize: identity,
    },
  };
  const server = new grpc.Server({
    'grpc.max_receive_message_length': options.maxBodyBytes,
  });
  const exportSpans = (call: ServerUnaryCall<Buffer, Buffer>, callback: sendUnaryData<Buffer>) => {
    const header = call.metadata.get('authorization')[0];
    const authorization = typeof header === 'string' ? header : header?.toString();
    if (!checkBearer(authorization, options.token)) {
      callback({ code: grpc.status.UNAUTHENTICATED, details: bearerProblem(authorization) });
      return;
    }
    try {
      const decoded = decodeOtlpProtobuf(call.request, 'otlp-grpc');
      options.store.addAll(decoded.spans);
      callback(null, Buffer.from(encodeExportResponse(decoded)));
    } catch (error) {
      const details =
        error instanceof MalformedInputError
          ? `[tracespec] malformed OTLP protobuf: ${error.message}. Nothing from this request was stored.`
          : `[tracespec] receiver failure: ${String(error)}`;
      callback({
        code: error instanceof MalformedInputError ? grpc.status.INVALID_ARGUMENT : grpc.status.INTERNAL,
        details,
      });
    }
  };
  server.addService(definition, { Export: exportSpans });
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(
      `${urlHost(options.host)}:${options.port}`,
      grpc.ServerCredentials.createInsecure(),
      (error, bound) =>
        error
          ? reject(
              new Error(
                `[tracespec] the OTLP/gRPC receiver could not listen on ${options.host}:${options.port}: ${error.message}`,
              ),
            )
          : resolve(bound),
    );
  });
  return {
    port,
    stop: async () => {
      // Exporters keep HTTP/2 sessions open; a graceful shutdown would wait for them, so end them now.
      server.forceShutdown();
    },
  };
}
