import { describe, expect, test } from 'vitest';
import { missingMatcherMessage, TRACESPEC_MATCHER_NAMES } from '../../../src/capture/pointAtVitestMatchers.ts';
import { tracespecMatchers } from '../../../src/vitest/index.ts';
import { runVitest } from '../../support/runVitest.ts';

describe('a tracespec matcher in a file that did not import tracespec/vitest', { timeout: 60_000 }, () => {
  test('fails with a message that says what to import, also under .not', async () => {
    const run = await runVitest(['test/fixtures/runner/matchers-not-imported.test.ts']);
    expect(run.tests).toHaveLength(2);
    for (const outcome of run.tests) {
      expect(outcome.state, outcome.name).toBe('failed');
      expect(outcome.errors.join('\n'), outcome.name).toBe(missingMatcherMessage('toHaveSpan'));
    }
    expect(missingMatcherMessage('toHaveSpan')).toContain("import 'tracespec/vitest'");
  });

  test('also in a file that imports only tracespec/msw', async () => {
    const run = await runVitest(['test/fixtures/runner/msw-matchers-not-imported.test.ts']);
    expect(run.tests.map((outcome) => [outcome.state, outcome.errors.join('\n')])).toEqual([
      ['failed', missingMatcherMessage('toCarryTraceContext')],
    ]);
  });

  test('importing tracespec/vitest before or after the other entry points gives the real matchers', async () => {
    const run = await runVitest([
      'test/fixtures/runner/matchers-imported-after.test.ts',
      'test/fixtures/runner/matchers-imported-before.test.ts',
    ]);
    expect(run.tests.map((outcome) => [outcome.state, outcome.errors])).toEqual([
      ['passed', []],
      ['passed', []],
    ]);
  });

  test('the stand-ins cover every tracespec matcher', () => {
    expect([...TRACESPEC_MATCHER_NAMES].sort()).toEqual(Object.keys(tracespecMatchers).sort());
  });
});
