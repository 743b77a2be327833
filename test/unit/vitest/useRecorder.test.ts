// Through the real runner: a SpanRecorder in the user's own provider plus useRecorder() from tracespec/vitest.
// (In the sdk2 project the fixture runs on the 2.x line: @opentelemetry/sdk-trace 2.12 with API 1.9.)
import { describe, expect, test } from 'vitest';
import { runVitest } from '../../support/runVitest.ts';

describe('useRecorder', { timeout: 60_000 }, () => {
  test('gives each test its own traces from a provider of the user’s own', async () => {
    const run = await runVitest(['test/fixtures/runner/use-recorder.test.ts']);
    expect(run.tests.map((t) => [t.name, t.state, t.errors])).toEqual([
      ['first', 'passed', []],
      ['second sees only its own', 'passed', []],
      ['concurrent a', 'passed', []],
      ['concurrent b', 'passed', []],
    ]);
  });
});
