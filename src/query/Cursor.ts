import { SelectorSyntaxError } from './SelectorSyntaxError.ts';

const WORD_CHAR = /[\p{L}\p{N}_\-./@]/u;
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

/** True when a character may appear in a bare word (span names, attribute keys, unquoted values). */
export function isWordChar(char: string): boolean {
  return char !== '' && WORD_CHAR.test(char);
}

/** The parser's read position in a selector, with the small lexical helpers every rule needs. */
export class Cursor {
  readonly text: string;
  position = 0;

  constructor(text: string) {
    this.text = text;
  }

  get done(): boolean {
    return this.position >= this.text.length;
  }

  peek(offset = 0): string {
    return this.text.charAt(this.position + offset);
  }

  /** Skips white space; true when there was some (white space between compounds is the descendant combinator). */
  skipSpace(): boolean {
    const start = this.position;
    while (/\s/.test(this.peek())) this.position++;
    return this.position > start;
  }

  eat(token: string): boolean {
    if (!this.text.startsWith(token, this.position)) return false;
    this.position += token.length;
    return true;
  }

  expect(token: string, expected: string): void {
    if (!this.eat(token)) this.fail(expected);
  }

  fail(expected: string, at = this.position, found?: string): never {
    throw new SelectorSyntaxError(this.text, at, expected, found);
  }

  /** A bare word, or undefined when none starts here. */
  word(): string | undefined {
    const start = this.position;
    while (isWordChar(this.peek())) this.position++;
    return this.position > start ? this.text.slice(start, this.position) : undefined;
  }

  /** A `"double"` or `'single'` quoted string with backslash escapes, or undefined when none starts here. */
  quoted(): string | undefined {
    const quote = this.peek();
    if (quote !== '"' && quote !== "'") return undefined;
    const start = this.position;
    this.position++;
    let value = '';
    while (!this.done) {
      const char = this.peek();
      this.position++;
      if (char === quote) return value;
      if (char !== '\\') {
        value += char;
        continue;
      }
      value += this.#escape();
    }
    return this.fail(`a closing ${quote} for the string that starts here`, start, 'end of input');
  }

  #escape(): string {
    const next = this.peek();
    if (next === '') this.fail('a character after "\\"', this.position);
    this.position++;
    if (next === 'u') {
      const hex = this.text.slice(this.position, this.position + 4);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('four hex digits after "\\u"', this.position);
      this.position += 4;
      return String.fromCharCode(Number.parseInt(hex, 16));
    }
    return ESCAPES[next] ?? next;
  }
}
