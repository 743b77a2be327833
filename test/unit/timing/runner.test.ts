import { stripVTControlCharacters } from 'node:util';
import { describe, expect, test } from 'vitest';
import { runVitest } from '../../support/runVitest.ts';

describe('timing matchers through the real runner', { timeout: 60_000 }, () => {
  test('a failing toRunInParallel shows the calls on the waterfall; the sequence check passes', async () => {
    const run = await runVitest(['test/fixtures/runner/timing.test.ts']);
    expect(run.tests.map((item) => [item.name, item.state])).toEqual([
      ['the calls run in sequence', 'passed'],
      ['the calls run in parallel', 'failed'],
    ]);
    const message = stripVTControlCharacters(run.tests[1]?.errors.join('\n') ?? '');
    expect(message).toContain('expect(spans).toRunInParallel(expected)');
    expect(message).toContain('Received: 3 pairs not shown to run at the same time:');
    expect(message).toMatch(/├─ GET \/stock +··██████████·+ +25ms {2}◀ 1/);
    expect(message).toMatch(/└─ GET \/shipping +·+████████████·+ +27ms {2}◀ 3/);
  });
});
