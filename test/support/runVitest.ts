import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    traceFiles: readonly {
      otlpJson: string;
      text: string;
      html: string;
      relative: { otlpJson: string; text: string; html: string };
      tree: string;
      traces: number;
      spans: number;
      attachments: readonly { path?: string | undefined; contentType?: string | undefined }[];
    }[];
  }[];
}

/** How {@link runVitest} runs vitest besides the files. */
export interface RunOptions {
  readonly reporters?: Reporter[];
  readonly retry?: number;
  readonly project?: string;
  /** vitest's attachments folder (default: a folder under the OS temp dir, so runs leave nothing in the repo). */
  readonly attachmentsDir?: string;
  /** `--shard=i/n`, with the blob reporter writing to `blob` (a file path). */
  readonly shard?: { readonly index: number; readonly count: number; readonly blob: string };
  /** `--merge-reports=<dir>`: no test runs, the reporters replay the blobs of the folder. */
  readonly mergeReports?: string;
  /** Test file globs (default: the runner fixtures). */
  readonly include?: readonly string[];
  readonly setupFiles?: readonly string[];
  readonly testTimeout?: number;
  /** More inline configuration (applied after the options above). */
  readonly config?: InlineConfig;
}

/** Runs vitest (the real runner, in-process) on fixture files, with tracespec resolved to its sources. */
export async function runVitest(
  files: readonly string[],
  env: Record<string, string> = {},
  options: RunOptions = {},
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
      reporters: [...(options.shard ? ['blob' as const] : []), ...(options.reporters ?? [])],
      ...(options.shard
        ? { shard: `${options.shard.index}/${options.shard.count}`, outputFile: { blob: options.shard.blob } }
        : {}),
      ...(options.mergeReports === undefined ? {} : { mergeReports: options.mergeReports }),
      attachmentsDir: options.attachmentsDir ?? join(tmpdir(), 'tracespec-test-attachments'),
      ...(options.retry === undefined ? {} : { retry: options.retry }),
      ...(options.project === undefined ? {} : { name: options.project }),
      include: [...(options.include ?? ['test/fixtures/runner/**/*.test.ts'])],
      ...(options.setupFiles === undefined ? {} : { setupFiles: [...options.setupFiles] }),
      ...(options.testTimeout === undefined
        ? {}
        : { testTimeout: options.testTimeout, hookTimeout: options.testTimeout }),
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
      traceFiles: testCase.artifacts().flatMap((artifact) =>
        artifact.type === 'tracespec:traces'
          ? [
              {
                otlpJson: artifact.otlpJson,
                text: artifact.text,
                html: artifact.html,
                relative: artifact.relative,
                tree: artifact.tree,
                traces: artifact.traces,
                spans: artifact.spans,
                attachments: (artifact.attachments ?? []).map((a) => ({ path: a.path, contentType: a.contentType })),
              },
            ]
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
