import type { DecodedSpans } from './DecodedSpans.ts';

/**
 * An answer the collector's HTTP port sends: status, content type and body.
 *
 * @example
 * const accepted: HttpAnswer = { status: 202, contentType: 'text/plain', body: '' };
 */
export interface HttpAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string | Uint8Array;
}

/**
 * One body encoding a route accepts: how a body becomes spans, and how the sender is answered in that encoding
 * (OTLP answers a protobuf request in protobuf, a JSON request in JSON).
 *
 * @example
 * const zipkinJson: BodyCodec = {
 *   name: 'Zipkin v2 JSON',
 *   decode: (body) => decodeZipkinJson(body.toString('utf8')),
 *   answer: (decoded) => ({ status: 202, contentType: 'text/plain', body: partialSuccessMessage(decoded) }),
 *   refuse: jsonRefusal,
 * };
 */
export interface BodyCodec {
  /** The body's name in a 400 answer: `[tracespec] malformed <name>: ...`. */
  readonly name: string;
  /**
   * Decodes a whole, decompressed body. Throws `MalformedInputError` when the body cannot be read at all (the
   * request is answered 400 and nothing of it is stored); spans it cannot use are counted in `rejected`.
   */
  decode(body: Buffer): DecodedSpans;
  /** The answer once the spans are stored. */
  answer(decoded: DecodedSpans): HttpAnswer;
  /** The answer to a refused request (400, 401, 413, 415, 500) whose body came in this encoding. */
  refuse(status: number, message: string): HttpAnswer;
}

/**
 * A format the collector's HTTP port receives, as one entry of its route table (`receiverRoutes`): the path it is
 * posted to and the media types it accepts, each with its {@link BodyCodec}. The handler does the rest the same
 * way for every route: the method, the bearer token, the body limit, decompression, storing, error answers.
 * Adding a format is one file exporting a route plus one line in the table (see CONTRIBUTING.md).
 *
 * @example
 * export const zipkinRoute: ReceiverRoute = {
 *   path: '/api/v2/spans',
 *   format: 'Zipkin v2',
 *   accepts: 'Zipkin v2 JSON (application/json)',
 *   contentTypes: { '': zipkinJson, 'application/json': zipkinJson },
 * };
 */
export interface ReceiverRoute {
  /** The URL path, e.g. `/v1/traces`. */
  readonly path: string;
  /** The format's name in messages: `OTLP/HTTP`, `Zipkin v2`. */
  readonly format: string;
  /** What a sender should post instead of an unsupported media type, for the 415 answer. */
  readonly accepts: string;
  /**
   * The accepted media types (lower case, without parameters such as `charset`) and their codecs; the key `''`
   * accepts a request without a content type.
   */
  readonly contentTypes: Readonly<Record<string, BodyCodec>>;
  /**
   * How to answer a refused request whose media type has no codec here (the format's own error shape); OTLP's
   * JSON `Status` when absent.
   */
  readonly refuseOther?: Pick<BodyCodec, 'refuse'>;
}
