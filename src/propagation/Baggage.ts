/**
 * A property attached to a baggage member (`;key` or `;key=value`).
 *
 * @example
 * const property: BaggageProperty = { key: 'ttl', value: '60' };
 */
export interface BaggageProperty {
  /** Percent-decoded. */
  readonly key: string;
  /** Percent-decoded; absent for a property without `=`. */
  readonly value?: string;
}

/**
 * One member of a W3C `baggage` header, its value percent-decoded.
 *
 * @example
 * const entry: BaggageEntry = { key: 'tenant', value: 'acme corp', properties: [] };
 */
export interface BaggageEntry {
  /** Percent-decoded. */
  readonly key: string;
  readonly value: string;
  readonly properties: readonly BaggageProperty[];
}

/**
 * A parsed W3C `baggage` header: its members in order (a repeated key is kept twice, as sent).
 *
 * @example
 * const baggage: Baggage = [{ key: 'tenant', value: 'acme', properties: [] }];
 */
export type Baggage = readonly BaggageEntry[];
