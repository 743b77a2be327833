import { describe, expect, test } from 'vitest';
import { runVitest } from '../../support/runVitest.ts';

describe('toEventuallyHaveSpan under the real runner', { timeout: 60_000 }, () => {
  test('ends before the test times out and fails with the trace diagnostic', async () => {
    const run = await runVitest(['test/fixtures/runner/eventually-deadline.test.ts'], {}, { testTimeout: 1200 });
    expect(run.tests.map((t) => t.name)).toHaveLength(3);
    for (const outcome of run.tests) {
      expect(outcome.state, outcome.name).toBe('failed');
      const errors = outcome.errors.join('\n');
      expect(errors, outcome.name).not.toContain('timed out');
      expect(errors, outcome.name).toMatch(/No matching span within \d+ms \(\d+ checks\)\. The last check:/);
    }
    const waited = (name: string) =>
      Number(/within (\d+)ms/.exec(run.tests.find((t) => t.name === name)?.errors.join('\n') ?? '')?.[1]);
    // Each wait stopped short of its own test's timeout, not at the matcher's 5000ms default.
    expect(waited('waits within the timeout of the configuration')).toBeLessThan(1200);
    expect(waited('waits within the timeout of the configuration')).toBeGreaterThan(600);
    expect(waited('waits within the timeout of the test')).toBeLessThan(800);
    expect(waited('waits within the timeout of a concurrent test')).toBeLessThan(900);
  });
});
