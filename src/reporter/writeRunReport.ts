import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { buildIndexPage } from '../render/html/buildIndexPage.ts';
import { renderMarkdownSummary } from '../render/renderMarkdownSummary.ts';
import type { RedactionRule } from '../snapshot/RedactionRule.ts';
import { redactMessage } from '../snapshot/redactTraces.ts';
import type { FailedTest } from './FailedTest.ts';

/**
 * What {@link writeRunReport} wrote, and the trace files it could not read (from other machines).
 *
 * @example
 * const { index, missing } = await writeRunReport(dir, failed, options);
 */
export interface RunReportFiles {
  readonly index: string;
  readonly summary: string;
  readonly jsonLines: string;
  readonly missing: readonly string[];
}

/**
 * Writes the files of a whole run into the output folder: `index.html` (every failed test, linked to its page),
 * `summary.md` (Markdown for CI step summaries, also appended to `stepSummary` when given) and
 * `traces.otlp.jsonl` (every saved trace file as one line of OTLP JSON, as the OpenTelemetry file exporter writes
 * them). Paths inside come from the artifacts' `relative` paths, so a merged run of shards whose folders were
 * copied into one links to the right files.
 *
 * @example
 * await writeRunReport('test-results/traces', failed, { root: process.cwd(), redact: reportRedactions });
 */
export async function writeRunReport(
  outputDir: string,
  failed: readonly FailedTest[],
  options: { root: string; redact: readonly RedactionRule[]; stepSummary?: string | undefined },
): Promise<RunReportFiles> {
  await mkdir(outputDir, { recursive: true });
  const index = join(outputDir, 'index.html');
  const summary = join(outputDir, 'summary.md');
  const jsonLines = join(outputDir, 'traces.otlp.jsonl');
  await writeFile(
    index,
    buildIndexPage(
      failed.map((test) => ({
        test: test.test,
        file: test.file,
        ...(test.project ? { project: test.project } : {}),
        message: test.message,
        ...(test.artifact
          ? {
              href: test.artifact.relative.html.split('/').map(encodeURIComponent).join('/'),
              spans: test.artifact.spans,
              traces: test.artifact.traces,
            }
          : {}),
      })),
      { redact: options.redact, title: 'Failed tests' },
    ),
  );
  const markdown = renderMarkdownSummary(
    failed.map((test) => ({
      test: redactMessage(test.test, options.redact),
      file: test.file,
      ...(test.project ? { project: test.project } : {}),
      message: redactMessage(test.message, options.redact),
      ...(test.artifact
        ? { tree: test.artifact.tree, page: relative(options.root, join(outputDir, test.artifact.relative.html)) }
        : {}),
    })),
  );
  await writeFile(summary, markdown);
  if (options.stepSummary) await appendFile(options.stepSummary, `${markdown}\n`);

  const lines: string[] = [];
  const missing: string[] = [];
  for (const test of failed) {
    if (!test.artifact) continue;
    const path = join(outputDir, test.artifact.relative.otlpJson);
    try {
      // One line per test: the file as written (already redacted), without its indentation.
      lines.push(JSON.stringify(JSON.parse(await readFile(path, 'utf8'))));
    } catch {
      missing.push(path);
    }
  }
  await writeFile(jsonLines, lines.length === 0 ? '' : `${lines.join('\n')}\n`);
  return { index, summary, jsonLines, missing };
}
