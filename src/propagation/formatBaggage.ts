import type { Baggage } from './Baggage.ts';

/**
 * Formats baggage members as one `baggage` header value, percent-encoding values (keys are written as given and
 * must be tokens).
 *
 * @example
 * formatBaggage([{ key: 'tenant', value: 'acme corp', properties: [{ key: 'ttl', value: '60' }] }]);
 * // 'tenant=acme%20corp;ttl=60'
 */
export function formatBaggage(baggage: Baggage): string {
  return baggage
    .map(({ key, value, properties }) =>
      [
        `${key}=${encodeURIComponent(value)}`,
        ...properties.map((p) => (p.value === undefined ? p.key : `${p.key}=${encodeURIComponent(p.value)}`)),
      ].join(';'),
    )
    .join(',');
}
