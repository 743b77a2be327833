/**
 * A selector that does not parse. The message names the position, shows the selector with a caret under the bad
 * token and says what was expected there.
 *
 * @example
 * try {
 *   parseSelector('orders > [db.system=postgresql');
 * } catch (error) {
 *   if (error instanceof SelectorSyntaxError) console.log(error.position, error.expected);
 * }
 */
export class SelectorSyntaxError extends Error {
  override readonly name = 'SelectorSyntaxError';
  /** The selector text that failed to parse. */
  readonly selector: string;
  /** Zero-based offset of the bad token in {@link SelectorSyntaxError.selector}. */
  readonly position: number;
  /** What the parser expected at that position, e.g. `"]" to close the predicate`. */
  readonly expected: string;

  constructor(selector: string, position: number, expected: string, found?: string) {
    const seen = found ?? describeFound(selector, position);
    super(
      `[tracespec] Invalid selector: expected ${expected}, found ${seen} at position ${position}.\n\n` +
        caretLines(selector, position),
    );
    this.selector = selector;
    this.position = position;
    this.expected = expected;
  }
}

/** What sits at a position, for "found ..." (a whole word, one symbol, or the end). */
function describeFound(text: string, position: number): string {
  if (position >= text.length) return 'end of input';
  const word = /^[\w\-./@]+/.exec(text.slice(position));
  return JSON.stringify(word ? word[0] : text.charAt(position));
}

function caretLines(text: string, position: number): string {
  // Keep the caret aligned: newlines and tabs in the selector would shift it.
  const shown = text.replace(/[\n\r\t]/g, ' ');
  return `  ${shown}\n  ${' '.repeat(Math.min(position, shown.length))}^`;
}
