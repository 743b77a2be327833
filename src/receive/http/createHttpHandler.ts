import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SpanStore } from '../../capture/SpanStore.ts';
import { bearerProblem, checkBearer } from '../checkBearer.ts';
import type { DecodedSpans } from '../DecodedSpans.ts';
import { jaegerRoute } from '../jaeger/jaegerHttpRoute.ts';
import { MalformedInputError } from '../MalformedInputError.ts';
import { decodeOtlpJson } from '../otlp/decodeOtlpJson.ts';
import { decodeOtlpProtobuf } from '../otlp/decodeOtlpProtobuf.ts';
import {
  encodeExportResponse,
  encodeRpcStatus,
  exportResponseJson,
  partialSuccessMessage,
} from '../otlp/encodeOtlpAnswer.ts';
import { ReceiveError } from '../ReceiveError.ts';
import { decodeZipkinJson } from '../zipkin/decodeZipkinJson.ts';
import { answerFormat, type BodyFormat, checkZipkinFormat, otlpBodyFormat } from './bodyFormat.ts';
import { decompress } from './decompress.ts';
import { readBody } from './readBody.ts';

/** What the HTTP receiver needs: where spans go, the optional token, the body limit. */
export interface HttpReceiverOptions {
  readonly store: SpanStore;
  readonly token?: string;
  readonly maxBodyBytes: number;
}

/** The paths the HTTP receiver serves. */
export const OTLP_TRACES_PATH = '/v1/traces';
export const ZIPKIN_SPANS_PATH = '/api/v2/spans';

// google.rpc.Code values for the error bodies OTLP/HTTP sends.
const RPC_CODE: Readonly<Record<number, number>> = { 400: 3, 401: 16, 404: 5, 405: 12, 413: 8, 415: 3 };

/**
 * The request handler behind the collector's HTTP port: OTLP/HTTP `POST /v1/traces` (protobuf or JSON, gzip) and
 * Zipkin v2 `POST /api/v2/spans` (JSON, gzip). A request is decoded whole before anything is stored, so a broken
 * request stores nothing and leaves earlier spans untouched.
 */
export function createHttpHandler(options: HttpReceiverOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(req, res, options).catch((error: unknown) => fail(res, undefined, error));
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: HttpReceiverOptions): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  const zipkin = path === ZIPKIN_SPANS_PATH;
  if (path === jaegerRoute.path) return handleJaeger(req, res, options);
  if (path !== OTLP_TRACES_PATH && !zipkin) {
    throw new ReceiveError(
      404,
      `[tracespec] no receiver at ${path}; post OTLP to ${OTLP_TRACES_PATH}, Zipkin v2 JSON to ${ZIPKIN_SPANS_PATH} or Jaeger Thrift to ${jaegerRoute.path}.`,
    );
  }
  if (req.method !== 'POST') throw new ReceiveError(405, `[tracespec] ${path} accepts POST only, got ${req.method}.`);
  const format: BodyFormat = zipkin ? 'json' : answerFormat(req.headers['content-type']);
  try {
    if (!checkBearer(req.headers.authorization, options.token))
      throw new ReceiveError(401, bearerProblem(req.headers.authorization));
    if (zipkin) checkZipkinFormat(req.headers['content-type']);
    else otlpBodyFormat(req.headers['content-type']);
    const raw = await readBody(req, options.maxBodyBytes);
    const body = await decompress(raw, req.headers['content-encoding'], options.maxBodyBytes);
    const decoded = decode(body, format, zipkin);
    options.store.addAll(decoded.spans);
    answer(res, decoded, format, zipkin);
  } catch (error) {
    fail(res, format, error);
  }
}

// Jaeger's route, in the shape of a route table entry: path, media types, and per type decode / answer / refuse.
async function handleJaeger(req: IncomingMessage, res: ServerResponse, options: HttpReceiverOptions): Promise<void> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const codec = Object.hasOwn(jaegerRoute.contentTypes, type)
    ? jaegerRoute.contentTypes[type as keyof typeof jaegerRoute.contentTypes]
    : undefined;
  const send = (answer: { status: number; contentType: string; body: string }, close = false) => {
    if (res.headersSent) return;
    res.writeHead(answer.status, { 'content-type': answer.contentType, ...(close ? { connection: 'close' } : {}) });
    res.end(answer.body);
  };
  try {
    if (req.method !== 'POST')
      throw new ReceiveError(405, `[tracespec] ${jaegerRoute.path} accepts POST only, got ${req.method}.`);
    if (!checkBearer(req.headers.authorization, options.token))
      throw new ReceiveError(401, bearerProblem(req.headers.authorization));
    if (codec === undefined) {
      throw new ReceiveError(
        415,
        `[tracespec] ${jaegerRoute.format} content type "${type}" is not supported; send ${jaegerRoute.accepts}.`,
      );
    }
    const raw = await readBody(req, options.maxBodyBytes);
    const body = await decompress(raw, req.headers['content-encoding'], options.maxBodyBytes);
    let decoded: DecodedSpans;
    try {
      decoded = codec.decode(body);
    } catch (error) {
      if (!(error instanceof MalformedInputError)) throw error;
      throw new ReceiveError(
        400,
        `[tracespec] malformed ${codec.name}: ${error.message}. Nothing from this request was stored.`,
      );
    }
    options.store.addAll(decoded.spans);
    send(codec.answer(decoded));
  } catch (error) {
    const status = error instanceof ReceiveError ? error.status : 500;
    const message = error instanceof ReceiveError ? error.message : `[tracespec] receiver failure: ${String(error)}`;
    send({ status, contentType: 'text/plain', body: message }, true);
  }
}

function decode(body: Buffer, format: BodyFormat, zipkin: boolean): DecodedSpans {
  try {
    if (zipkin) return decodeZipkinJson(body.toString('utf8'));
    return format === 'protobuf'
      ? decodeOtlpProtobuf(body, 'otlp-http')
      : decodeOtlpJson(body.toString('utf8'), 'otlp-http');
  } catch (error) {
    if (!(error instanceof MalformedInputError)) throw error;
    const what = zipkin ? 'Zipkin v2 JSON' : format === 'protobuf' ? 'OTLP protobuf' : 'OTLP JSON';
    throw new ReceiveError(
      400,
      `[tracespec] malformed ${what}: ${error.message}. Nothing from this request was stored.`,
    );
  }
}

function answer(res: ServerResponse, decoded: DecodedSpans, format: BodyFormat, zipkin: boolean): void {
  if (zipkin) {
    res.writeHead(202, { 'content-type': 'text/plain' }).end(partialSuccessMessage(decoded));
  } else if (format === 'protobuf') {
    res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end(encodeExportResponse(decoded));
  } else {
    res.writeHead(200, { 'content-type': 'application/json' }).end(exportResponseJson(decoded));
  }
}

function fail(res: ServerResponse, format: BodyFormat | undefined, error: unknown): void {
  const status = error instanceof ReceiveError ? error.status : 500;
  const message = error instanceof ReceiveError ? error.message : `[tracespec] receiver failure: ${String(error)}`;
  if (res.headersSent) return;
  // A refused request may still be sending its body; close the connection rather than read it.
  const headers = { connection: 'close' };
  if (format === 'protobuf') {
    res
      .writeHead(status, { ...headers, 'content-type': 'application/x-protobuf' })
      .end(encodeRpcStatus(RPC_CODE[status] ?? 13, message));
  } else {
    res
      .writeHead(status, { ...headers, 'content-type': 'application/json' })
      .end(JSON.stringify({ code: RPC_CODE[status] ?? 13, message }));
  }
}
