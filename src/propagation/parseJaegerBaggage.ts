import { quote } from './hex.ts';
import { invalid, ok, type ParseResult } from './ParseResult.ts';

/**
 * The prefix of Jaeger baggage headers.
 *
 * @example
 * `${JAEGER_BAGGAGE_PREFIX}tenant`; // 'uberctx-tenant'
 */
export const JAEGER_BAGGAGE_PREFIX = 'uberctx-';

/**
 * Reads Jaeger baggage from `uberctx-{key}` headers (names given in lower case, values percent-encoded).
 * Headers without the prefix are ignored.
 *
 * @example
 * parseJaegerBaggage({ 'uberctx-tenant': 'acme%20corp', accept: '*\/*' });
 * // { valid: true, value: { tenant: 'acme corp' } }
 */
export function parseJaegerBaggage(
  headers: Readonly<Record<string, string>>,
): ParseResult<Readonly<Record<string, string>>> {
  // Entries, not assignments: a key such as "__proto__" must stay an ordinary key.
  const baggage: [string, string][] = [];
  for (const [name, raw] of Object.entries(headers)) {
    if (!name.startsWith(JAEGER_BAGGAGE_PREFIX)) continue;
    const key = name.slice(JAEGER_BAGGAGE_PREFIX.length);
    if (key === '') return invalid(`header ${quote(name)} has no key after ${JAEGER_BAGGAGE_PREFIX}`);
    try {
      baggage.push([key, decodeURIComponent(raw)]);
    } catch {
      return invalid(`value of ${quote(name)} has invalid percent-encoding (${quote(raw)})`);
    }
  }
  return ok(Object.fromEntries(baggage));
}
