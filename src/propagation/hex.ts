const LOWER_HEX = /^[0-9a-f]+$/;
const ANY_HEX = /^[0-9a-fA-F]+$/;

/** True when `text` is non-empty lower-case hex. */
export function isLowerHex(text: string): boolean {
  return LOWER_HEX.test(text);
}

/** True when `text` is non-empty hex of either case. */
export function isHex(text: string): boolean {
  return ANY_HEX.test(text);
}

/** True when `text` is made of `0` only. */
export function isAllZeros(text: string): boolean {
  return /^0+$/.test(text);
}

/**
 * Checks one fixed-length lower-case hex id and returns why it is invalid, or undefined when it is fine.
 * `name` is the field name used in the message ("trace-id").
 */
export function hexIdProblem(name: string, text: string, length: number): string | undefined {
  if (text.length !== length) return `${name} must be ${length} hex characters, got ${text.length} (${quote(text)})`;
  if (!isHex(text)) return `${name} contains a character that is not hex (${quote(text)})`;
  if (!isLowerHex(text)) return `${name} must be lower-case hex (${quote(text)})`;
  if (isAllZeros(text)) return `${name} is all zeros`;
  return undefined;
}

/** Quotes a header fragment for a message, showing tabs and other invisible characters. */
export function quote(text: string): string {
  return JSON.stringify(text);
}

/** Quotes a fragment like {@link quote}, shortened to `max` characters with an ellipsis. */
export function quoteBrief(text: string, max = 32): string {
  return text.length > max ? `${quote(text.slice(0, max))}…` : quote(text);
}
