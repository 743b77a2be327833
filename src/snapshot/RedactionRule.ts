/**
 * One rule that replaces a volatile value by a placeholder in a trace-shape snapshot.
 *
 * - With `key` only: every attribute whose key matches has its whole value replaced by `replacement`.
 * - With `value`: every match of `value` inside a string (attribute values, span and event names, status
 *   messages) is replaced by `replacement` (`$1` refers to a capture group). `value` must have the `g` flag.
 * - With both: the value pattern applies only to attributes whose key matches.
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
  /** The placeholder, e.g. `<port>`. */
  readonly replacement: string;
}
