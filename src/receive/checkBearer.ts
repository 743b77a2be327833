import { timingSafeEqual } from 'node:crypto';

/**
 * True when no token is required, or the `authorization` header carries `Bearer <token>` exactly.
 *
 * @example
 * if (!checkBearer(req.headers.authorization, token)) reply401();
 */
export function checkBearer(header: string | undefined, token: string | undefined): boolean {
  if (token === undefined) return true;
  if (header === undefined) return false;
  const expected = Buffer.from(`Bearer ${token}`);
  const actual = Buffer.from(header.trim());
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The message sent with a 401 / UNAUTHENTICATED answer. */
export function bearerProblem(header: string | undefined): string {
  const what = header === undefined ? 'no authorization header' : 'a wrong authorization header';
  return `[tracespec] the collector requires a bearer token and got ${what}. Send "authorization: Bearer <token>" (collector.env() sets OTEL_EXPORTER_OTLP_HEADERS for you).`;
}
