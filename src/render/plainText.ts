// ECMA-48 control sequences: CSI (ESC [ or the one-byte CSI: parameters, intermediates, a final byte), OSC (ESC ]
// up to BEL or ESC \, as in terminal hyperlinks), and the two-byte escapes (ESC and one byte from @ to _).
const CONTROL_SEQUENCE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal control characters is the point.
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

/**
 * A terminal message as plain text: colours, cursor moves and hyperlinks removed, the text itself kept (what a
 * vitest failure message looks like outside a terminal).
 *
 * @example
 * plainText('\u001b[31mExpected\u001b[39m: a span'); // 'Expected: a span'
 */
export function plainText(text: string): string {
  return text.replace(CONTROL_SEQUENCE, '');
}
