import { describe, expect, test } from 'vitest';
import { runVitest } from '../../support/runVitest.ts';

describe('spans left open when a test ends', { timeout: 60_000 }, () => {
  test('fail the test when openSpans is "fail", naming each span', async () => {
    const run = await runVitest(['test/fixtures/runner/open-spans.test.ts'], { TRACESPEC_FIXTURE_POLICY: 'fail' });
    expect(run.tests).toHaveLength(1);
    expect(run.tests[0]?.state).toBe('failed');
    expect(run.tests[0]?.errors.join('\n')).toMatch(
      /1 span was started and never ended in test "leaves a span open":\n {2}- test internal "forgotten work" not ended/,
    );
  });

  test('only warn by default', async () => {
    const run = await runVitest(['test/fixtures/runner/open-spans.test.ts']);
    expect(run.tests[0]?.state).toBe('passed');
  });
});
