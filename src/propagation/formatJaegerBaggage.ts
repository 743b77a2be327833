import { JAEGER_BAGGAGE_PREFIX } from './parseJaegerBaggage.ts';

/**
 * Formats Jaeger baggage as `uberctx-{key}` headers with percent-encoded values.
 *
 * @example
 * formatJaegerBaggage({ tenant: 'acme corp' }); // { 'uberctx-tenant': 'acme%20corp' }
 */
export function formatJaegerBaggage(baggage: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  return Object.fromEntries(
    Object.entries(baggage).map(([key, value]) => [`${JAEGER_BAGGAGE_PREFIX}${key}`, encodeURIComponent(value)]),
  );
}
