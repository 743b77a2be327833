import { ReceiveError } from '../ReceiveError.ts';

/** How a request body is encoded, from its content type. */
export type BodyFormat = 'protobuf' | 'json';

/** The body format of an OTLP/HTTP request, or a 415 error naming the accepted types. */
export function otlpBodyFormat(contentType: string | undefined): BodyFormat {
  const type = mediaType(contentType);
  if (type === 'application/x-protobuf' || type === 'application/protobuf') return 'protobuf';
  if (type === 'application/json') return 'json';
  throw new ReceiveError(
    415,
    `[tracespec] OTLP/HTTP content type "${type}" is not supported; send application/x-protobuf or application/json.`,
  );
}

/** The format to answer in, even for a refused request: protobuf for protobuf requests, else JSON. */
export function answerFormat(contentType: string | undefined): BodyFormat {
  const type = mediaType(contentType);
  return type === 'application/x-protobuf' || type === 'application/protobuf' ? 'protobuf' : 'json';
}

/** Zipkin v2 bodies must be JSON (a missing content type is taken as JSON, as Zipkin's server does). */
export function checkZipkinFormat(contentType: string | undefined): void {
  const type = mediaType(contentType);
  if (type === '' || type === 'application/json') return;
  throw new ReceiveError(
    415,
    `[tracespec] Zipkin content type "${type}" is not supported; send Zipkin v2 JSON (application/json).`,
  );
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
