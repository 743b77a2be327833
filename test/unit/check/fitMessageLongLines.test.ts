import { describe, expect, test } from 'vitest';
import { fitMessage, MESSAGE_BUDGET } from '../../../src/check/fitMessage.ts';

describe('the size budget with long lines', () => {
  test('sections of long lines keep only the lines that fit: the message stays within the budget', () => {
    const long = (label: string) =>
      Array.from({ length: 40 }, (_, i) => `${label} ${i} ${'v'.repeat(1_500)}`).join('\n');
    const fitted = fitMessage(['Expected: x\nReceived: y', long('tree'), long('list')].join('\n\n'));
    expect(fitted.length).toBeLessThanOrEqual(MESSAGE_BUDGET);
    const [, tree = '', list = ''] = fitted.split('\n\n');
    // Each large section got about half of the room: whole lines only, then what was left out.
    for (const section of [tree, list]) {
      const lines = section.split('\n');
      expect(lines.at(-1)).toMatch(/^ {2}… \d+ more lines \(\d+ KB\) left out$/);
      expect(lines.slice(0, -1).every((line) => line.length > 1_500)).toBe(true);
      expect(lines.length - 1).toBeGreaterThanOrEqual(5);
    }
  });

  test('the budget is in bytes: a tree drawn with three-byte characters stays within 20 KB of UTF-8', () => {
    const tree = Array.from({ length: 3_000 }, (_, i) => `│  │  └─ orders client "GET" ${i}`).join('\n');
    const fitted = fitMessage(`Expected: x\nReceived: y\n\n${tree}`);
    expect(Buffer.byteLength(fitted, 'utf8')).toBeLessThanOrEqual(MESSAGE_BUDGET);
    // Characters alone would have let it grow past the budget in bytes.
    expect(fitted.length).toBeLessThan(MESSAGE_BUDGET * 0.8);
    expect(fitted).toMatch(/\[tracespec\] This message was cut to fit 20 KB: [\d,]+ lines \(\d+ KB\) were left out\.$/);
  });

  test('a message under the budget in characters but over it in bytes is cut', () => {
    const lines = Array.from({ length: 1_100 }, (_, i) => `${i} ${'é'.repeat(8)}`).join('\n');
    const text = `Expected: x\nReceived: y\n\n${lines}`;
    expect(text.length).toBeLessThan(MESSAGE_BUDGET);
    expect(Buffer.byteLength(text, 'utf8')).toBeGreaterThan(MESSAGE_BUDGET);
    const fitted = fitMessage(text);
    expect(fitted).not.toBe(text);
    expect(Buffer.byteLength(fitted, 'utf8')).toBeLessThanOrEqual(MESSAGE_BUDGET);
  });
});
