import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SpanStore } from '../../capture/SpanStore.ts';
import { bearerProblem, checkBearer } from '../checkBearer.ts';
import type { DecodedSpans } from '../DecodedSpans.ts';
import { MalformedInputError } from '../MalformedInputError.ts';
import { ReceiveError } from '../ReceiveError.ts';
import type { BodyCodec, HttpAnswer, ReceiverRoute } from '../ReceiverRoute.ts';
import { receiverRoutes } from '../receiverRoutes.ts';
import { decompress } from './decompress.ts';
import { DISCARD_BYTES, discardRest } from './discardRest.ts';
import { jsonRefusal } from './jsonRefusal.ts';
import { mediaType } from './mediaType.ts';
import { readBody } from './readBody.ts';

/** What the HTTP receiver needs: where spans go, the optional token, the body limit, the formats it serves. */
export interface HttpReceiverOptions {
  readonly store: SpanStore;
  readonly token?: string;
  readonly maxBodyBytes: number;
  /** Default: every format of {@link receiverRoutes}. */
  readonly routes?: readonly ReceiverRoute[];
  /** How much of a refused body is read and dropped before the connection is closed (default {@link DISCARD_BYTES}). */
  readonly discardBytes?: number;
}

/**
 * The request handler behind the collector's HTTP port: serves each route of the table (OTLP/HTTP
 * `POST /v1/traces`, Zipkin v2 `POST /api/v2/spans`, ...) the same way. A request is decoded whole before anything
 * is stored, so a broken request stores nothing and leaves earlier spans untouched.
 */
export function createHttpHandler(options: HttpReceiverOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const routes = new Map((options.routes ?? receiverRoutes).map((route) => [route.path, route]));
  return (req, res) => {
    handle(req, res, routes, options).catch((error: unknown) => refuse(req, res, refusal(undefined, error), options));
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  routes: ReadonlyMap<string, ReceiverRoute>,
  options: HttpReceiverOptions,
): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const route = routes.get(path);
  if (route === undefined) {
    const served = [...routes.values()].map((item) => `${item.format} to ${item.path}`);
    throw new ReceiveError(404, `[tracespec] no receiver at ${path}; post ${served.join(' or ')}.`);
  }
  if (req.method !== 'POST') throw new ReceiveError(405, `[tracespec] ${path} accepts POST only, got ${req.method}.`);
  const type = mediaType(req.headers['content-type']);
  // Known before the body is read, so that even a refusal is answered in the encoding the sender used.
  const codec: BodyCodec | undefined = Object.hasOwn(route.contentTypes, type) ? route.contentTypes[type] : undefined;
  try {
    if (!checkBearer(req.headers.authorization, options.token))
      throw new ReceiveError(401, bearerProblem(req.headers.authorization));
    if (codec === undefined) {
      throw new ReceiveError(
        415,
        `[tracespec] ${route.format} content type "${type}" is not supported; send ${route.accepts}.`,
      );
    }
    const raw = await readBody(req, options.maxBodyBytes);
    const body = await decompress(raw, req.headers['content-encoding'], options.maxBodyBytes);
    const decoded = decode(codec, body);
    options.store.addAll(decoded.spans);
    send(res, codec.answer(decoded));
  } catch (error) {
    refuse(req, res, refusal(codec ?? route.refuseOther, error), options);
  }
}

function decode(codec: BodyCodec, body: Buffer): DecodedSpans {
  try {
    return codec.decode(body);
  } catch (error) {
    if (!(error instanceof MalformedInputError)) throw error;
    throw new ReceiveError(
      400,
      `[tracespec] malformed ${codec.name}: ${error.message}. Nothing from this request was stored.`,
    );
  }
}

function refusal(codec: Pick<BodyCodec, 'refuse'> | undefined, error: unknown): HttpAnswer {
  const status = error instanceof ReceiveError ? error.status : 500;
  const message = error instanceof ReceiveError ? error.message : `[tracespec] receiver failure: ${String(error)}`;
  return (codec?.refuse ?? jsonRefusal)(status, message);
}

function send(res: ServerResponse, answer: HttpAnswer): void {
  if (res.headersSent) return;
  res.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body);
}

/**
 * Answers a refusal while the client may still be sending its body. The whole answer (with its length) is written
 * at once, so the client can read it, but the response is ended only once the rest of the body was read and
 * dropped (up to a bound): Node stops reading a request whose response has ended, and the client's writes would
 * stall, then break.
 */
function refuse(req: IncomingMessage, res: ServerResponse, answer: HttpAnswer, options: HttpReceiverOptions): void {
  if (res.headersSent) return;
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body;
  res.writeHead(answer.status, { 'content-type': answer.contentType, 'content-length': body.byteLength });
  res.write(body);
  discardRest(req, options.discardBytes ?? DISCARD_BYTES, () => res.end());
}
