/**
 * One kind of secret (or, opt-in, of personal data) that tracespec finds in traces and keeps out of everything it
 * writes. A detector matches attribute keys (the whole value is the secret) or parts of text (the `secret` group of
 * `value`, or the whole match; the rest of the match, such as `Bearer ` or `?token=`, is kept).
 *
 * @example
 * const orderToken: SecretDetector = { name: 'order-token', finds: 'an order token', value: /\bot_[a-z0-9]{20}\b/g };
 */
export interface SecretDetector {
  /** The kind shown in the placeholder (`<redacted:jwt#3f2a>`) and in messages. */
  readonly name: string;
  /** What it finds, in a few words, for messages and docs (`a JSON Web Token`). */
  readonly finds: string;
  /** Attribute keys whose whole value is a secret. */
  readonly key?: RegExp;
  /** Secrets inside text, a global (`g`) pattern; a group named `secret` narrows what is hidden. */
  readonly value?: RegExp;
  /** A further test of a match (the `secret` group), e.g. the Luhn check of a card number. */
  readonly accept?: (secret: string) => boolean;
  /** Personal data rather than a credential: used only when asked for (`toHaveNoSensitiveData({ pii: true })`). */
  readonly optIn?: boolean;
}
