import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The outcome of running vitest on fixture test files: each test's state and errors, and what was written. */
export interface FixtureRun {
  readonly tests: readonly { name: string; state: string; errors: readonly string[] }[];
}

/** Runs vitest (the real runner, in-process) on fixture files, with tracespec resolved to its sources. */
export async function runVitest(files: readonly string[], env: Record<string, string> = {}): Promise<FixtureRun> {
  const vitest = await startVitest('test', [...files], {
    root,
    config: false,
    watch: false,
    reporters: [],
    include: ['test/fixtures/runner/**/*.test.ts'],
    env,
    alias: [
      { find: /^tracespec$/, replacement: `${root}src/index.ts` },
      { find: /^tracespec\/(.+)$/, replacement: `${root}src/$1/index.ts` },
    ],
  });
  const tests = vitest.state.getTestModules().flatMap((module) =>
    [...module.children.allTests()].map((testCase) => ({
      name: testCase.name,
      state: testCase.result().state,
      errors: (testCase.result().errors ?? []).map((error) => error.message),
    })),
  );
  await vitest.close();
  return { tests };
}
