import { cp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TracespecReporter } from 'tracespec/reporter';
import { describe, expect, test } from 'vitest';
import { readTraceFile } from '../../../src/cli/readTraceFile.ts';
import { readPageData } from '../../support/pageData.ts';
import { runVitest } from '../../support/runVitest.ts';
import { tempDir } from '../../support/tempDir.ts';

const FILES = ['test/fixtures/runner/html-report.test.ts', 'test/fixtures/runner/failed-traces-setup-form.test.ts'];

describe('sharded CI: vitest --shard=i/n on two machines, then --merge-reports', { timeout: 60_000 }, () => {
  test("the merged run's index lists the failures of every shard, and its links open their pages", async () => {
    const blobs = await tempDir('tracespec-blobs-');
    const machines = [await tempDir('tracespec-shard-1-'), await tempDir('tracespec-shard-2-')];
    const shardRuns = [];
    for (const [i, machine] of machines.entries()) {
      // Each machine has its own disk: its own trace folder and attachments, and uploads a blob.
      const reporter = new TracespecReporter({
        outputDir: join(machine, 'traces'),
        summary: false,
        stepSummary: false,
      });
      const run = await runVitest(
        FILES,
        {},
        {
          reporters: [reporter],
          attachmentsDir: join(machine, 'attachments'),
          shard: { index: i + 1, count: 2, blob: join(blobs, `blob-${i + 1}-2.json`) },
        },
      );
      shardRuns.push({ run, reporter });
    }
    // Each shard ran one of the two files, and each had failures with traces.
    expect(shardRuns.map(({ reporter }) => reporter.saved.length).every((count) => count > 0)).toBe(true);
    expect(new Set(shardRuns.flatMap(({ reporter }) => reporter.failed.map((failed) => failed.file)))).toEqual(
      new Set(FILES),
    );

    // The merge job downloads every shard's trace folder into one, and the blobs.
    const merged = await tempDir('tracespec-merged-');
    const outputDir = join(merged, 'traces');
    for (const machine of machines) await cp(join(machine, 'traces'), outputDir, { recursive: true });
    const reporter = new TracespecReporter({ outputDir, stepSummary: false });
    const run = await runVitest([], {}, { reporters: [reporter], mergeReports: blobs });

    const expected = shardRuns.flatMap(({ reporter: shard }) => shard.failed.map((failed) => failed.test)).sort();
    expect(reporter.failed.map((failed) => failed.test).sort()).toEqual(expected);
    expect(run.output).toContain(`all failures: `);
    // The annotation that links the page came with each shard's blob, once.
    const withTraces = run.tests.filter((t) => t.traceFiles.length > 0);
    expect(withTraces).toHaveLength(reporter.saved.length);
    for (const t of withTraces) expect(t.annotations.filter((a) => a.type === 'tracespec')).toHaveLength(1);
    expect(run.output).not.toContain('not on this machine');

    const index = await readFile(join(outputDir, 'index.html'), 'utf8');
    expect(index).toContain(`${expected.length} failed tests`);
    const hrefs = [...index.matchAll(/href="([^"]+)"/g)].map((match) => decodeURIComponent(match[1] as string));
    expect(hrefs).toHaveLength(reporter.saved.length);
    for (const href of hrefs) {
      // Every link opens a page, and that page is about the failure the index lists.
      const data = await readPageData(join(outputDir, href));
      expect(data.failures.length).toBeGreaterThan(0);
      expect(reporter.failed.map((failed) => failed.test)).toContain(data.title);
    }
    const lines = (await readFile(join(outputDir, 'traces.otlp.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(reporter.saved.length);
    expect((await readTraceFile(join(outputDir, 'traces.otlp.jsonl'))).spans.length).toBe(
      reporter.saved.reduce((sum, saved) => sum + saved.artifact.spans, 0),
    );
    expect((await readdir(outputDir)).sort()).toEqual(
      expect.arrayContaining(['index.html', 'summary.md', 'traces.otlp.jsonl']),
    );
  });

  test("a merged run without the shards' trace folders still lists every failure and says which files are missing", async () => {
    const blobs = await tempDir('tracespec-blobs-');
    const machine = await tempDir('tracespec-shard-');
    for (const index of [1, 2]) {
      await runVitest(
        FILES,
        {},
        {
          reporters: [
            new TracespecReporter({ outputDir: join(machine, 'traces'), summary: false, stepSummary: false }),
          ],
          attachmentsDir: join(machine, 'attachments'),
          shard: { index, count: 2, blob: join(blobs, `blob-${index}-2.json`) },
        },
      );
    }
    const outputDir = join(await tempDir('tracespec-merged-'), 'traces');
    const reporter = new TracespecReporter({ outputDir, stepSummary: false });
    const run = await runVitest([], {}, { reporters: [reporter], mergeReports: blobs });
    expect(reporter.failed.length).toBeGreaterThan(2);
    expect(run.output).toMatch(
      /trace files are not on this machine \(merged shards: copy each shard's .* here first\)/,
    );
    expect(await readFile(join(outputDir, 'index.html'), 'utf8')).toContain(`${reporter.failed.length} failed tests`);
  });
});
