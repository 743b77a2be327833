// vitest's experimental.openTelemetry registers an SDK of its own before tracespec and runs every test inside its
// own spans. Through the real runner: tracespec joins that provider and still gives each test its own spans.
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runVitest } from '../../support/runVitest.ts';

const sdkPath = fileURLToPath(new URL('../../fixtures/runner/vitest-otel-sdk.ts', import.meta.url));
const config = { experimental: { openTelemetry: { enabled: true, sdkPath } } };

describe("vitest's experimental.openTelemetry", { timeout: 60_000 }, () => {
  test('setupTracing joins vitest’s provider; each test gets its own trace, without vitest’s spans', async () => {
    const run = await runVitest(['test/fixtures/runner/vitest-otel-setup-form.test.ts'], {}, { config });
    expect(run.tests.map((t) => [t.name, t.state, t.errors])).toEqual([
      ['first: its own trace, rooted at its own span, without vitest’s spans', 'passed', []],
      ['second: sees only its own spans', 'passed', []],
      ['concurrent c1: isolated', 'passed', []],
      ['concurrent c2: isolated', 'passed', []],
      ['concurrent c3: isolated', 'passed', []],
    ]);
  });

  test('the fixture alone says that it cannot separate the tests, and what to do', async () => {
    const run = await runVitest(['test/fixtures/runner/vitest-otel-fixture-form.test.ts'], {}, { config });
    expect(run.tests[0]?.state).toBe('failed');
    expect(run.tests[0]?.errors[0]).toMatch(
      /^\[tracespec\] the test runs inside a span that is not its own \(trace [0-9a-f]{32}, e\.g\. vitest's experimental\.openTelemetry test span\).*Call setupTracing\(\) from 'tracespec\/vitest' in a file listed in test\.setupFiles/,
    );
  });
});
