import type { Baggage } from './Baggage.ts';

/**
 * Formats baggage members as one `baggage` header value, percent-encoding keys and values as OpenTelemetry does.
 *
 * @example
 * formatBaggage([{ key: 'tenant', value: 'acme corp', properties: [{ key: 'ttl', value: '60' }] }]);
 * // 'tenant=acme%20corp;ttl=60'
 */
export function formatBaggage(baggage: Baggage): string {
  return baggage
    .map(({ key, value, properties }) =>
      [
        `${encodeURIComponent(key)}=${encodeURIComponent(value)}`,
        ...properties.map((p) =>
          p.value === undefined
            ? encodeURIComponent(p.key)
            : `${encodeURIComponent(p.key)}=${encodeURIComponent(p.value)}`,
        ),
      ].join(';'),
    )
    .join(',');
}
