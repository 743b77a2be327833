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
});
