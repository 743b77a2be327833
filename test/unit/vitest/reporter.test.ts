import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { TraceSet } from 'tracespec';
import { decodeOtlpJson } from 'tracespec/otlp';
import { TracespecReporter } from 'tracespec/reporter';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../../src/cli/runCli.ts';
import { readPageData } from '../../support/pageData.ts';
import { runVitest } from '../../support/runVitest.ts';
import { tempDir } from '../../support/tempDir.ts';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

// Each test runs vitest on fixture files: seconds of work, more on a busy machine.
describe('TracespecReporter: the traces of failed tests as files', { timeout: 60_000 }, () => {
  test('each failed test with spans leaves OTLP JSON and a text tree, recorded on its result', async () => {
    const outputDir = await tempDir('tracespec-artifacts-');
    const reporter = new TracespecReporter({ outputDir, summary: false });
    const run = await runVitest(
      ['test/fixtures/runner/failed-traces-fixture-form.test.ts'],
      {},
      { reporters: [reporter] },
    );
    const byName = new Map(run.tests.map((t) => [t.name, t]));

    expect(byName.get('passes and leaves nothing')).toMatchObject({ state: 'passed', traceFiles: [] });
    expect(byName.get('fails without spans and leaves nothing')).toMatchObject({ state: 'failed', traceFiles: [] });
    const failed = byName.get('fails and leaves its traces');
    expect(failed?.state).toBe('failed');
    expect(failed?.traceFiles).toHaveLength(1);

    const dir = 'test_fixtures_runner_failed-traces-fixture-form.test';
    expect(await listFiles(outputDir)).toEqual([
      'index.html',
      'summary.md',
      `${dir}/checkout - concurrent a fails with its own trace.html`,
      `${dir}/checkout - concurrent a fails with its own trace.otlp.json`,
      `${dir}/checkout - concurrent a fails with its own trace.tree.txt`,
      `${dir}/checkout - concurrent b fails with its own trace.html`,
      `${dir}/checkout - concurrent b fails with its own trace.otlp.json`,
      `${dir}/checkout - concurrent b fails with its own trace.tree.txt`,
      `${dir}/checkout - fails and leaves its traces.html`,
      `${dir}/checkout - fails and leaves its traces.otlp.json`,
      `${dir}/checkout - fails and leaves its traces.tree.txt`,
      'traces.otlp.jsonl',
    ]);
    expect(failed?.traceFiles[0]).toMatchObject({
      otlpJson: join(outputDir, dir, 'checkout - fails and leaves its traces.otlp.json'),
      text: join(outputDir, dir, 'checkout - fails and leaves its traces.tree.txt'),
      html: join(outputDir, dir, 'checkout - fails and leaves its traces.html'),
      relative: {
        otlpJson: `${dir}/checkout - fails and leaves its traces.otlp.json`,
        text: `${dir}/checkout - fails and leaves its traces.tree.txt`,
        html: `${dir}/checkout - fails and leaves its traces.html`,
      },
      traces: 1,
      spans: 2,
    });
    expect(reporter.saved.map((saved) => saved.test).sort()).toEqual([
      'test/fixtures/runner/failed-traces-fixture-form.test.ts > checkout > concurrent a fails with its own trace',
      'test/fixtures/runner/failed-traces-fixture-form.test.ts > checkout > concurrent b fails with its own trace',
      'test/fixtures/runner/failed-traces-fixture-form.test.ts > checkout > fails and leaves its traces',
    ]);

    // The fixture form notes its matcher failures too: the page marks the span the failure points at.
    const page = await readPageData(failed?.traceFiles[0]?.html ?? '');
    expect(page.failures[0]?.marks.map((mark) => [page.spans[mark.span]?.n, mark.note])).toEqual([
      ['GET /stock', 'error 1'],
    ]);

    // The OTLP JSON reads back into the test's trace (and only that test's: concurrent tests keep their own).
    const saved = TraceSet.fromSpans(
      decodeOtlpJson(await readFile(failed?.traceFiles[0]?.otlpJson ?? '', 'utf8'), 'file').spans,
    );
    expect(saved).toHaveSpan({
      name: 'GET /stock',
      status: 'error',
      parent: { name: 'POST /checkout', attributes: { 'order.id': 'o-2' } },
    });
    const concurrentB = await readFile(
      join(outputDir, dir, 'checkout - concurrent b fails with its own trace.otlp.json'),
      'utf8',
    );
    expect(concurrentB).toContain('"stringValue": "o-b"');
    expect(concurrentB).not.toContain('"stringValue": "o-a"');

    // A person opens it with the command line.
    let shown = '';
    const code = await runCli(['show', failed?.traceFiles[0]?.otlpJson ?? ''], {
      out: (t) => (shown += t),
      err: (t) => (shown += t),
    });
    expect(code).toBe(0);
    expect(shown).toContain('└─ test client "GET /stock"');

    const text = await readFile(failed?.traceFiles[0]?.text ?? '', 'utf8');
    expect(text).toMatch(
      /^trace [0-9a-f]{32} \(2 spans\)\n {2}test server "POST \/checkout" .*\{order\.id="o-2"\}\n {2}└─ test client "GET \/stock" .* error: "stock unavailable" {2}\{http\.response\.status_code=503\}\n$/,
    );
  });

  test('works with the setup-file form, and prints where the files are when the run ends', async () => {
    const outputDir = await tempDir('tracespec-artifacts-');
    const reporter = new TracespecReporter({ outputDir });
    const run = await runVitest(
      ['test/fixtures/runner/failed-traces-setup-form.test.ts'],
      {},
      { reporters: [reporter] },
    );
    expect(run.tests[0]?.state).toBe('failed');
    expect(run.tests[0]?.traceFiles[0]?.otlpJson).toBe(
      join(outputDir, 'test_fixtures_runner_failed-traces-setup-form.test', 'throws after recording spans.otlp.json'),
    );
    const saved = join(outputDir, 'test_fixtures_runner_failed-traces-setup-form.test', 'throws after recording spans');
    expect(run.output).toContain(
      [
        'tracespec: saved the traces of 1 failed test:',
        '  test/fixtures/runner/failed-traces-setup-form.test.ts > throws after recording spans',
        `    ${relative(process.cwd(), `${saved}.html`)}`,
        `    ${relative(process.cwd(), `${saved}.otlp.json`)}`,
        `    ${relative(process.cwd(), `${saved}.tree.txt`)}`,
        `  all failures: ${relative(process.cwd(), join(outputDir, 'index.html'))}`,
      ].join('\n'),
    );
    const data = JSON.parse(await readFile(run.tests[0]?.traceFiles[0]?.otlpJson ?? '', 'utf8'));
    expect(data.resourceSpans[0].resource.attributes).toContainEqual({
      key: 'service.name',
      value: { stringValue: 'shop' },
    });
  });

  test('without the reporter (and without TRACESPEC_ARTIFACTS_DIR) nothing is written', async () => {
    const run = await runVitest(['test/fixtures/runner/failed-traces-setup-form.test.ts']);
    expect(run.tests[0]).toMatchObject({ state: 'failed', traceFiles: [] });
  });

  test('TRACESPEC_ARTIFACTS_DIR names the folder without the reporter', async () => {
    const outputDir = await tempDir('tracespec-artifacts-');
    const run = await runVitest(['test/fixtures/runner/failed-traces-setup-form.test.ts'], {
      TRACESPEC_ARTIFACTS_DIR: outputDir,
    });
    expect(run.tests[0]?.traceFiles[0]?.text).toBe(
      join(outputDir, 'test_fixtures_runner_failed-traces-setup-form.test', 'throws after recording spans.tree.txt'),
    );
  });

  test('a test that fails only because it left a span open still leaves its traces', async () => {
    const outputDir = await tempDir('tracespec-artifacts-');
    const run = await runVitest(['test/fixtures/runner/open-spans.test.ts'], {
      TRACESPEC_FIXTURE_POLICY: 'fail',
      TRACESPEC_ARTIFACTS_DIR: outputDir,
    });
    expect(run.tests[0]?.state).toBe('failed');
    expect(run.tests[0]?.traceFiles).toHaveLength(1);
    expect(await readFile(run.tests[0]?.traceFiles[0]?.text ?? '', 'utf8')).toContain('"finished work"');
  });

  test('each retry of a failing test leaves its own files', async () => {
    const outputDir = await tempDir('tracespec-artifacts-');
    const run = await runVitest(
      ['test/fixtures/runner/failed-traces-setup-form.test.ts'],
      { TRACESPEC_ARTIFACTS_DIR: outputDir },
      { retry: 1 },
    );
    expect(run.tests[0]?.state).toBe('failed');
    expect(await listFiles(outputDir)).toEqual([
      'test_fixtures_runner_failed-traces-setup-form.test/throws after recording spans-retry-1.html',
      'test_fixtures_runner_failed-traces-setup-form.test/throws after recording spans-retry-1.otlp.json',
      'test_fixtures_runner_failed-traces-setup-form.test/throws after recording spans-retry-1.tree.txt',
      'test_fixtures_runner_failed-traces-setup-form.test/throws after recording spans.html',
      'test_fixtures_runner_failed-traces-setup-form.test/throws after recording spans.otlp.json',
      'test_fixtures_runner_failed-traces-setup-form.test/throws after recording spans.tree.txt',
    ]);
  });

  test('tests of a named project go in a folder of that name', async () => {
    const outputDir = await tempDir('tracespec-artifacts-');
    await runVitest(
      ['test/fixtures/runner/failed-traces-setup-form.test.ts'],
      { TRACESPEC_ARTIFACTS_DIR: outputDir },
      { project: 'node-24' },
    );
    expect(await listFiles(outputDir)).toEqual([
      'node-24/test_fixtures_runner_failed-traces-setup-form.test/throws after recording spans.html',
      'node-24/test_fixtures_runner_failed-traces-setup-form.test/throws after recording spans.otlp.json',
      'node-24/test_fixtures_runner_failed-traces-setup-form.test/throws after recording spans.tree.txt',
    ]);
  });
});
