// A part of a span name that is an id, not a name: a number of 2+ digits, a UUID, a hex run of 16+ characters, or
// a long token with digits in it (a base64 or base62 id). Span names are the key of every trace backend's index:
// an id in them makes one name per request (high cardinality).
const ID_PATTERNS: readonly RegExp[] = [
  /^\d{2,}$/,
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  /^[0-9a-f]{16,}$/i,
  /^(?=[A-Za-z_-]*\d)(?=\d*[A-Za-z])[A-Za-z0-9_-]{20,}$/,
];

/**
 * The first part of a span name that looks like an id (`8412` in `GET /orders/8412`), or `undefined`.
 *
 * @example
 * idInName('GET /orders/8412'); // '8412'
 * idInName('GET /orders/:id'); // undefined
 */
export function idInName(name: string): string | undefined {
  return name.split(/[\s/?&=:,.;#]+/).find((part) => ID_PATTERNS.some((pattern) => pattern.test(part)));
}
