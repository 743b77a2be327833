import { relative, resolve } from 'node:path';
import type { Reporter, TestCase, Vitest } from 'vitest/node';
import type { TracesArtifact } from './TracesArtifact.ts';

/**
 * Options of {@link TracespecReporter}.
 *
 * @example
 * new TracespecReporter({ outputDir: 'test-results/traces', summary: false });
 */
export interface TracespecReporterOptions {
  /** Where failed tests' traces go, relative to the vitest root. Default `.tracespec/failed`. */
  readonly outputDir?: string;
  /** Print the saved files when the run ends. Default true. */
  readonly summary?: boolean;
}

/**
 * A failed test and the files its traces were saved to.
 *
 * @example
 * for (const { test, artifact } of reporter.saved) console.log(test, artifact.otlpJson);
 */
export interface SavedTraces {
  /** The test's full name, `file > suite > test`. */
  readonly test: string;
  readonly artifact: TracesArtifact;
}

/**
 * A vitest reporter that keeps the traces of every failed test: each failed test that recorded spans leaves
 * `<outputDir>/<file>/<test>.otlp.json` (open it in Jaeger's UI or any OTLP tool, or with `npx tracespec show`) and
 * `.trace.txt` (the tree), and the paths are recorded on the test result as a `tracespec:traces` artifact. Add it
 * beside the default reporter; tests need tracespec's tracing (`setupTracing` or the `traces` fixture).
 *
 * @example
 * // vitest.config.ts
 * import { TracespecReporter } from 'tracespec/reporter';
 * export default defineConfig({
 *   test: { reporters: ['default', new TracespecReporter({ outputDir: 'test-results/traces' })] },
 * });
 */
export class TracespecReporter implements Reporter {
  readonly #options: TracespecReporterOptions;
  readonly #saved: SavedTraces[] = [];
  #root = process.cwd();
  #vitest: Vitest | undefined;
  #outputDir: string;

  constructor(options: TracespecReporterOptions = {}) {
    this.#options = options;
    this.#outputDir = resolve(options.outputDir ?? '.tracespec/failed');
  }

  /** The folder the traces go to (absolute, once vitest started). */
  get outputDir(): string {
    return this.#outputDir;
  }

  /** The traces saved in this run so far. */
  get saved(): readonly SavedTraces[] {
    return this.#saved;
  }

  onInit(vitest: Vitest): void {
    this.#vitest = vitest;
    this.#root = vitest.config.root;
    this.#outputDir = resolve(this.#root, this.#options.outputDir ?? '.tracespec/failed');
    // The spans live in the test workers: tell them where to write, they do it before a test's spans are cleared.
    vitest.provide('tracespec:artifacts', this.#outputDir);
  }

  onTestCaseResult(testCase: TestCase): void {
    for (const artifact of testCase.artifacts()) {
      if (artifact.type !== 'tracespec:traces') continue;
      this.#saved.push({ test: `${relative(this.#root, testCase.module.moduleId)} > ${testCase.fullName}`, artifact });
    }
  }

  onTestRunEnd(): void {
    if (this.#options.summary === false || this.#saved.length === 0 || this.#vitest === undefined) return;
    const count = this.#saved.length;
    const lines = [`tracespec: saved the traces of ${count} failed test${count === 1 ? '' : 's'}:`];
    for (const { test, artifact } of this.#saved) {
      lines.push(
        `  ${test}`,
        `    ${relative(this.#root, artifact.otlpJson)}`,
        `    ${relative(this.#root, artifact.text)}`,
      );
    }
    this.#vitest.logger.log(lines.join('\n'));
  }
}
