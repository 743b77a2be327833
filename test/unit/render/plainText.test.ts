import { stripVTControlCharacters } from 'node:util';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { plainText } from '../../../src/render/plainText.ts';

const ESC = '\u001b';

describe('plainText: terminal messages as plain text (the core may not import node:util)', () => {
  test.each([
    ['vitest colours', `${ESC}[31mExpected${ESC}[39m: ${ESC}[2ma span${ESC}[22m`, 'Expected: a span'],
    ['256 and true colours', `${ESC}[38;5;208morange${ESC}[0m ${ESC}[38;2;1;2;3mrgb${ESC}[m`, 'orange rgb'],
    ['a terminal hyperlink (OSC 8, BEL)', `${ESC}]8;;https://x.test\u0007link${ESC}]8;;\u0007`, 'link'],
    ['a terminal hyperlink (OSC 8, ST)', `${ESC}]8;;file:///a${ESC}\\a.ts${ESC}]8;;${ESC}\\`, 'a.ts'],
    ['cursor moves and erase', `${ESC}[2K${ESC}[1Aline${ESC}[?25h`, 'line'],
    ['plain text with brackets stays', 'span [service=orders] ◀ 1: caller', 'span [service=orders] ◀ 1: caller'],
  ])('%s', (_name, input, expected) => {
    expect(plainText(input)).toBe(expected);
    expect(plainText(input)).toBe(stripVTControlCharacters(input));
  });

  test('agrees with node:util on generated messages of text and SGR sequences', () => {
    const sgr = fc
      .array(fc.integer({ min: 0, max: 255 }), { maxLength: 4 })
      .map((codes) => `${ESC}[${codes.join(';')}m`);
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme-ascii' }).map((text) => text.replaceAll(ESC, '')),
      sgr,
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const input = pieces.join('');
        expect(plainText(input)).toBe(stripVTControlCharacters(input));
      }),
    );
  });
});
