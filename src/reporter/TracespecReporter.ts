import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { TestAnnotation } from 'vitest';
import type { Reporter, TestCase, Vitest } from 'vitest/node';
import type { RedactionRule } from '../snapshot/RedactionRule.ts';
import { reportRedactions } from '../snapshot/reportRedactions.ts';
import type { FailedTest } from './FailedTest.ts';
import { serializeRedactions } from './serializedRedactions.ts';
import type { TracesArtifact } from './TracesArtifact.ts';
import { writeRunReport } from './writeRunReport.ts';

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
  /**
   * Redaction rules for everything written (pages, OTLP JSON, text trees, summaries). Default
   * {@link reportRedactions}; add your own to it, or pass `[]` to write values as recorded.
   */
  readonly redact?: readonly RedactionRule[];
  /**
   * Append the Markdown summary of the failed tests to this file. Default: `$GITHUB_STEP_SUMMARY` when it is set
   * (GitHub Actions shows it on the run's page); `false` turns it off.
   */
  readonly stepSummary?: string | false;
}

/**
 * A failed test and the files its traces were saved to.
 *
 * @example
 * for (const { test, artifact } of reporter.saved) console.log(test, artifact.html);
 */
export interface SavedTraces {
  /** The test's full name, `file > suite > test`. */
  readonly test: string;
  readonly artifact: TracesArtifact;
}

const ANNOTATION_TYPE = 'tracespec';

/**
 * A vitest reporter that keeps the traces of every failed test. Each failed test that recorded spans leaves, under
 * `<outputDir>/<file>/<test>`: `.html` (a self-contained page: the failure with its marked spans, the service map
 * with the broken hop in red, a waterfall and span details), `.otlp.json` (for Jaeger's UI, OTLP tools and
 * `npx tracespec show`) and `.tree.txt` (the tree; `.trace.txt` is the extension of trace-shape snapshots). The run leaves `index.html` (every failed test with its
 * message and a link), `summary.md` (appended to `$GITHUB_STEP_SUMMARY` when set) and `traces.otlp.jsonl` (every
 * trace as OTLP JSON Lines). The page is recorded on the test result (a `tracespec:traces` artifact) and linked from
 * an annotation, so vitest's UI and HTML reporter link to it. Everything written is redacted (see `redact`).
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
  readonly #failed: FailedTest[] = [];
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

  /** Every failed test of this run so far, with its saved traces when it recorded spans. */
  get failed(): readonly FailedTest[] {
    return this.#failed;
  }

  onInit(vitest: Vitest): void {
    this.#vitest = vitest;
    this.#root = vitest.config.root;
    this.#outputDir = resolve(this.#root, this.#options.outputDir ?? '.tracespec/failed');
    // The spans live in the test workers: tell them where to write, they do it before a test's spans are cleared.
    vitest.provide('tracespec:artifacts', this.#outputDir);
    vitest.provide('tracespec:report', { redact: serializeRedactions(this.#rules()), index: true });
  }

  onTestCaseResult(testCase: TestCase): void {
    const result = testCase.result();
    if (result.state !== 'failed') return;
    const artifact = testCase
      .artifacts()
      .filter((item): item is TracesArtifact => item.type === 'tracespec:traces')
      .at(-1);
    const file = relative(this.#root, testCase.module.moduleId);
    this.#failed.push({
      test: testCase.fullName,
      file,
      ...(testCase.project.name ? { project: testCase.project.name } : {}),
      message: (result.errors ?? [])
        .map((error) => stripVTControlCharacters(`${error.message ?? ''}${error.diff ? `\n\n${error.diff}` : ''}`))
        .join('\n\n'),
      ...(artifact ? { artifact } : {}),
    });
    if (artifact === undefined) return;
    this.#saved.push({ test: `${file} > ${testCase.fullName}`, artifact });
    this.#annotate(testCase, artifact);
  }

  async onTestRunEnd(): Promise<void> {
    const logger = this.#vitest?.logger;
    const previous = existsSync(resolve(this.#outputDir, 'index.html'));
    // A run without failures leaves nothing, but replaces a previous run's index so that it does not mislead.
    if (this.#failed.length === 0 && !previous) return;
    const stepSummary =
      this.#options.stepSummary === false ? undefined : (this.#options.stepSummary ?? process.env.GITHUB_STEP_SUMMARY);
    const files = await writeRunReport(this.#outputDir, this.#failed, {
      root: this.#root,
      redact: this.#rules(),
      stepSummary: this.#failed.length > 0 ? stepSummary : undefined,
    });
    if (this.#options.summary === false || this.#failed.length === 0 || logger === undefined) return;
    const count = this.#saved.length;
    const lines = [
      `tracespec: saved the traces of ${count} failed test${count === 1 ? '' : 's'}:`,
      ...this.#saved.flatMap(({ test, artifact }) => [
        `  ${test}`,
        `    ${relative(this.#root, artifact.html)}`,
        `    ${relative(this.#root, artifact.otlpJson)}`,
        `    ${relative(this.#root, artifact.text)}`,
      ]),
      `  all failures: ${relative(this.#root, files.index)} (Markdown: ${relative(this.#root, files.summary)}, OTLP JSON Lines: ${relative(this.#root, files.jsonLines)})`,
    ];
    if (files.missing.length > 0) {
      lines.push(
        `  ${files.missing.length} trace file${files.missing.length === 1 ? ' is' : 's are'} not on this machine (merged shards: copy each shard's ${relative(this.#root, this.#outputDir)} here first): ${files.missing.map((path) => relative(this.#root, path)).join(', ')}`,
      );
    }
    logger.log(lines.join('\n'));
  }

  #rules(): readonly RedactionRule[] {
    return this.#options.redact ?? reportRedactions;
  }

  /**
   * vitest's UI and HTML reporter show a test's annotations with a link to their attachment, but no custom
   * artifact; and a test cannot annotate itself once it has failed. So the reporter adds the annotation to the
   * result here, pointing at the copy of the page that vitest keeps in its attachments folder. A merged run
   * already has it from the shard's blob.
   */
  #annotate(testCase: TestCase, artifact: TracesArtifact): void {
    const page = artifact.attachments?.find((attachment) => attachment.contentType === 'text/html');
    // The runner's task behind the test (the `TestCase` API is read-only), from vitest's state by the test's id.
    const task = this.#vitest?.state.idMap.get(testCase.id);
    if (task?.type !== 'test') return;
    const annotations = task.annotations;
    if (annotations.some((annotation) => annotation.type === ANNOTATION_TYPE)) return;
    const annotation: TestAnnotation = {
      type: ANNOTATION_TYPE,
      message: `the traces of this failure: ${relative(this.#root, artifact.html)} (${artifact.spans} span${artifact.spans === 1 ? '' : 's'} in ${artifact.traces} trace${artifact.traces === 1 ? '' : 's'})`,
      ...(page?.path ? { attachment: { path: page.path, contentType: 'text/html' } } : {}),
    };
    annotations.push(annotation);
  }
}
