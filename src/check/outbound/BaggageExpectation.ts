/**
 * The baggage entries `toCarryBaggage` looks for: each key must be present, with this value or a value matching
 * this pattern. Other entries are allowed.
 *
 * @example
 * const expected: BaggageExpectation = { tenant: 'acme', 'user.id': /^\d+$/ };
 */
export type BaggageExpectation = Readonly<Record<string, string | RegExp>>;

/**
 * Options of `toCarryBaggage`: the baggage format, W3C `baggage` (default) or Jaeger `uberctx-*`.
 *
 * @example
 * expect(request).toCarryBaggage({ tenant: 'acme' }, { format: 'jaeger' });
 */
export interface BaggageOptions {
  readonly format?: 'w3c' | 'jaeger';
}
