import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { type InlineConfig, type Reporter, startVitest } from 'vitest/node';
import { otel2Aliases } from './otel2Aliases.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The outcome of running vitest on fixture test files: each test's state and errors, and what was written. */
export interface FixtureRun {
  /** What the reporters printed, without colors. */
  readonly output: string;
  readonly tests: readonly {
    name: string;
    state: string;
    errors: readonly string[];
    /** The diffs of the errors (expected vs received), without colors. */
    diffs: readonly string[];
    annotations: readonly { message: string; type: string; path?: string | undefined }[];
    /** tracespec's saved-traces artifacts. */
    traceFiles: readonly { otlpJson: string; text: string; traces: number; spans: number }[];
  }[];
}

/** Runs vitest (the real runner, in-process) on fixture files, with tracespec resolved to its sources. */
export async function runVitest(
  files: readonly string[],
  env: Record<string, string> = {},
  options: { reporters?: Reporter[]; retry?: number; project?: string; config?: InlineConfig } = {},
): Promise<FixtureRun> {
  let output = '';
  const stdout = new Writable({
    write(chunk, _encoding, done) {
      output += String(chunk);
      done();
    },
  });
  const vitest = await startVitest(
    'test',
    [...files],
    {
      root,
      config: false,
      watch: false,
      reporters: options.reporters ?? [],
      ...(options.retry === undefined ? {} : { retry: options.retry }),
      ...(options.project === undefined ? {} : { name: options.project }),
      include: ['test/fixtures/runner/**/*.test.ts'],
      env,
      ...options.config,
      alias: [
        { find: /^tracespec$/, replacement: `${root}src/index.ts` },
        { find: /^tracespec\/(.+)$/, replacement: `${root}src/$1/index.ts` },
        // In the sdk2 project the fixtures run on the OpenTelemetry 2.x line too.
        ...(process.env.TRACESPEC_OTEL_LINE === '2' ? otel2Aliases() : []),
      ],
    },
    {},
    { stdout, stderr: stdout },
  );
  const tests = vitest.state.getTestModules().flatMap((module) =>
    [...module.children.allTests()].map((testCase) => ({
      name: testCase.name,
      state: testCase.result().state,
      errors: (testCase.result().errors ?? []).map((error) => error.message),
      diffs: (testCase.result().errors ?? []).flatMap((error) =>
        error.diff === undefined ? [] : [stripVTControlCharacters(error.diff)],
      ),
      traceFiles: testCase
        .artifacts()
        .flatMap((artifact) =>
          artifact.type === 'tracespec:traces'
            ? [{ otlpJson: artifact.otlpJson, text: artifact.text, traces: artifact.traces, spans: artifact.spans }]
            : [],
        ),
      annotations: testCase.annotations().map((annotation) => ({
        message: annotation.message,
        type: annotation.type,
        path: annotation.attachment?.path,
      })),
    })),
  );
  await vitest.close();
  return { tests, output: stripVTControlCharacters(output) };
}
