import { stripVTControlCharacters } from 'node:util';
import { hasNoRepeatedSpans, TraceSet } from 'tracespec';
import 'tracespec/vitest';
import { describe, expect, test } from 'vitest';
import { fitMessage, MESSAGE_BUDGET } from '../../../src/check/fitMessage.ts';
import { buildTrace, node } from '../../support/traceBuilder.ts';

/** A trace whose 600 handlers each run the same query three times: 600 groups of repeated spans. */
function manyRepeats() {
  return buildTrace(
    node(
      { name: 'batch', service: 'worker', kind: 'server' },
      Array.from({ length: 600 }, (_, i) =>
        node({ name: `handle item ${i}`, service: 'worker' }, [
          node({ name: 'SELECT item', service: 'worker', kind: 'client', attributes: { 'db.system': 'postgresql' } }),
          node({ name: 'SELECT item', service: 'worker', kind: 'client', attributes: { 'db.system': 'postgresql' } }),
          node({ name: 'SELECT item', service: 'worker', kind: 'client', attributes: { 'db.system': 'postgresql' } }),
        ]),
      ),
    ),
  );
}

const failure = (run: () => void): string => {
  try {
    run();
  } catch (error) {
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error('expected the assertion to fail');
};

describe('the size budget of failure messages', () => {
  test('a message under the budget is left as it is', () => {
    const text = 'Expected: a\nReceived: b\n\nCandidates:\n  1. x';
    expect(fitMessage(text)).toBe(text);
  });

  test('toHaveNoRepeatedSpans on 600 groups lists the first ten, counts the rest and stays within 20 KB uncut', () => {
    const trace = manyRepeats();
    const whole = hasNoRepeatedSpans(new TraceSet([trace]), { name: 'SELECT item' }).message();
    expect(whole.length).toBeLessThanOrEqual(MESSAGE_BUDGET);
    const message = failure(() => expect(trace).toHaveNoRepeatedSpans({ name: 'SELECT item' }));
    expect(message.length).toBeLessThanOrEqual(MESSAGE_BUDGET + 200);
    expect(message).toContain('Received: 600 groups of repeated spans:');
    expect(message).toContain('  1. 3 × worker client "SELECT item" {db.system}');
    expect(message).toContain('  10. 3 × worker client "SELECT item" {db.system}');
    expect(message).not.toContain('  11. ');
    expect(message).toContain('  … 590 more groups (1770 spans), not listed');
    // The waterfall draws the listed groups only: 30 marked spans.
    expect(message.match(/◀ \d+: \d of 3/g)).toHaveLength(30);
    expect(message).not.toContain('left out');
  });

  test('small sections stay whole; the large ones share the rest; every cut says what it left out', () => {
    const big = (label: string) => Array.from({ length: 2000 }, (_, i) => `${label} line ${i}`).join('\n');
    const text = ['Expected: x\nReceived: y', 'Hint: a short section', big('tree'), big('list')].join('\n\n');
    const fitted = fitMessage(text);
    expect(fitted.length).toBeLessThanOrEqual(MESSAGE_BUDGET);
    const sections = fitted.split('\n\n');
    expect(sections.slice(0, 2)).toEqual(['Expected: x\nReceived: y', 'Hint: a short section']);
    const tree = sections[2] ?? '';
    const list = sections[3] ?? '';
    // The two large sections got about the same room.
    expect(Math.abs(tree.length - list.length)).toBeLessThan(200);
    expect(tree).toMatch(/^tree line 0\n/);
    const keptTree = tree.split('\n').length - 1;
    expect(tree).toContain(`… ${(2000 - keptTree).toLocaleString('en-US')} more lines`);
  });

  test('a single huge line is cut inside the line', () => {
    const fitted = fitMessage(`Expected: ${'x'.repeat(50_000)}\nReceived: y`);
    expect(fitted.length).toBeLessThanOrEqual(MESSAGE_BUDGET);
    expect(fitted).toContain('… (48,010 more characters)');
    expect(fitted).toContain('\nReceived: y');
    // The total left out counts what was cut inside the line.
    expect(fitted).toMatch(/This message was cut to fit 20 KB: 0 lines \(48 KB\) were left out\.$/);
  });
});
