import type { HttpAnswer } from '../ReceiverRoute.ts';

// google.rpc.Code values for the HTTP statuses the collector answers with (OTLP/HTTP's error bodies carry them).
const RPC_CODE: Readonly<Record<number, number>> = { 400: 3, 401: 16, 404: 5, 405: 12, 413: 8, 415: 3 };

/** The google.rpc code for an HTTP status (13, INTERNAL, for anything else). */
export function rpcCode(status: number): number {
  return RPC_CODE[status] ?? 13;
}

/**
 * A refusal as JSON `{ code, message }` (OTLP/JSON's `google.rpc.Status`): the answer to a request of no known
 * route or encoding.
 *
 * @example
 * jsonRefusal(404, '[tracespec] no receiver at /v1/metrics; ...');
 */
export function jsonRefusal(status: number, message: string): HttpAnswer {
  return { status, contentType: 'application/json', body: JSON.stringify({ code: rpcCode(status), message }) };
}
