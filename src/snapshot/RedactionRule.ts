/**
 * One rule that replaces a volatile value by a placeholder in a trace-shape snapshot.
 *
 * - With `key` only: every attribute whose key matches has its whole value replaced by `replacement`.
 * - With `value`: every match of `value` inside a string (attribute values, span and event names, status
 *   messages) is replaced by `replacement` (`$1` refers to a capture group). `value` must have the `g` flag.
 * - With both: the value pattern applies only to attributes whose key matches.
 * - When `value` has a group named `secret`, only that group is replaced and the rest of the match is kept
 *   (`Bearer <redacted:bearer#3f2a>`).
 * - `{fingerprint}` in `replacement` becomes a short fingerprint of what was replaced (the `secret` group or the
 *   match; the whole value for a key rule), so that two different redacted values still differ.
 * - `accept` is a further test of each match (of its `secret` group): only accepted matches are replaced.
 *
 * `$1` and `$<name>` in `replacement` are filled in only for rules with none of these three.
 *
 * @example
 * const orderIds: RedactionRule = { name: 'order-id', value: /\bord_[a-z0-9]+\b/g, replacement: '<order-id>' };
 * expect(snapshotOf(traces, { redact: [...defaultRedactions, orderIds] })).toMatchSnapshot();
 */
export interface RedactionRule {
  /** A short name, shown by nothing but useful to find a rule in a list (`port`, `uuid`, ...). */
  readonly name: string;
  /** The attribute keys this rule applies to. */
  readonly key?: RegExp;
  /** The parts of string values to replace; a global (`g`) pattern. */
  readonly value?: RegExp;
  /** The placeholder, e.g. `<port>`; `$1`, `$<name>` and `{fingerprint}` are filled in. */
  readonly replacement: string;
  /** Replace only the matches (their `secret` group) this accepts, e.g. card numbers that pass the Luhn check. */
  readonly accept?: (secret: string) => boolean;
}
