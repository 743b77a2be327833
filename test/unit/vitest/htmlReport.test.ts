import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TracespecReporter } from 'tracespec/reporter';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readTraceFile } from '../../../src/cli/readTraceFile.ts';
import { readPageData } from '../../support/pageData.ts';
import { type FixtureRun, runVitest } from '../../support/runVitest.ts';

const FIXTURE = 'test/fixtures/runner/html-report.test.ts';

// One run of the fixture file through the real runner; every test below reads what it left.
let folder: string;
let outputDir: string;
let attachmentsDir: string;
let stepSummary: string;
let reporter: TracespecReporter;
let result: FixtureRun;
let byName: Map<string, FixtureRun['tests'][number]>;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'tracespec-html-'));
  outputDir = join(folder, 'traces');
  attachmentsDir = join(folder, 'attachments');
  stepSummary = join(folder, 'step-summary.md');
  reporter = new TracespecReporter({ outputDir, summary: false, stepSummary });
  result = await runVitest([FIXTURE], {}, { reporters: [reporter], attachmentsDir });
  byName = new Map(result.tests.map((t) => [t.name, t]));
}, 60_000);
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('the HTML report of a failed test, written through the real runner', () => {
  test('a matcher failure: the page holds the message and marks the closest span', async () => {
    const failed = byName.get('a span is not as expected');
    expect(failed?.state).toBe('failed');
    const data = await readPageData(failed?.traceFiles[0]?.html ?? '');
    expect(data.title).toBe('a span is not as expected');
    expect(data.subtitle).toBe(FIXTURE);
    expect(data.failures).toHaveLength(1);
    expect(data.failures[0]?.message).toContain('toHaveSpan');
    expect(data.failures[0]?.message).toContain('Closest spans:');
    const marked = data.failures[0]?.marks.map((mark) => [data.spans[mark.span]?.n, mark.note]);
    expect(marked).toEqual([['GET /stock', 'closest 1']]);
    expect(data.spans.map((span) => span.n)).toEqual(['POST /checkout', 'GET /stock']);
  });

  test('soft failures each get their message and marks; expect.poll failures find theirs too', async () => {
    const soft = await readPageData(byName.get('two soft failures')?.traceFiles[0]?.html ?? '');
    expect(soft.failures.map((failure) => failure.message.split('\n')[0])).toEqual([
      expect.stringContaining('toHaveNoErrors'),
      expect.stringContaining('toHaveSpan'),
    ]);
    expect(soft.failures[0]?.marks.map((mark) => mark.note)).toEqual(['error 1']);
    expect(soft.failures[1]?.marks.map((mark) => [soft.spans[mark.span]?.n, mark.note])).toEqual([
      ['GET /stock', 'closest 1'],
    ]);
    const poll = await readPageData(byName.get('a failure under expect.poll')?.traceFiles[0]?.html ?? '');
    expect(poll.failures[0]?.message).toContain('Closest spans:');
    expect(poll.failures[0]?.marks.map((mark) => mark.note)).toEqual(['closest 1']);
  });

  test('every file is redacted: the secret is in no page, OTLP file, tree, summary or JSON line', async () => {
    const files = byName.get('a secret in an attribute')?.traceFiles[0];
    expect(files).toBeDefined();
    const written = [
      files?.html,
      files?.otlpJson,
      files?.text,
      join(outputDir, 'index.html'),
      join(outputDir, 'summary.md'),
      join(outputDir, 'traces.otlp.jsonl'),
      stepSummary,
    ];
    for (const path of written) {
      const text = await readFile(path ?? '', 'utf8');
      expect(text, path).not.toContain('sk_live_4242secret');
    }
    const data = await readPageData(files?.html ?? '');
    expect(data.spans[0]?.a).toContainEqual([
      'http.request.header.authorization',
      expect.stringMatching(/^<redacted:secret-key#[0-9a-f]{4}>$/),
      's',
    ]);
  });

  test('the run leaves an index of every failed test, a Markdown summary and OTLP JSON Lines', async () => {
    expect(result.tests.filter((t) => t.state === 'failed')).toHaveLength(5);
    const index = await readFile(join(outputDir, 'index.html'), 'utf8');
    expect(index).toContain('5 failed tests');
    expect(index).toContain('fails without spans <span class="no-trace">(no spans recorded)</span>');
    for (const failed of reporter.failed.filter((entry) => entry.artifact)) {
      const href = failed.artifact?.relative.html.split('/').map(encodeURIComponent).join('/') ?? '';
      expect(index).toContain(`href="${href}"`);
      expect(existsSync(join(outputDir, decodeURIComponent(href)))).toBe(true);
    }

    const markdown = await readFile(join(outputDir, 'summary.md'), 'utf8');
    expect(markdown).toContain('## tracespec: 5 failed tests');
    expect(markdown).toContain('### ✗ a span is not as expected');
    expect(markdown).toMatch(/└─ shop client "GET \/stock" .* ◀ closest 1/);
    expect(markdown).toContain('expected 1 to be 2');
    // The step summary gets the same Markdown.
    expect(await readFile(stepSummary, 'utf8')).toContain(markdown.trim());

    const lines = (await readFile(join(outputDir, 'traces.otlp.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('resourceSpans');
    const all = await readTraceFile(join(outputDir, 'traces.otlp.jsonl'));
    expect(all.spans.length).toBe(2 + 2 + 2 + 1);
  });

  test("vitest's UI and HTML reporter get the page: an artifact attachment and an annotation that links it", async () => {
    const failed = byName.get('a span is not as expected');
    const attachment = failed?.traceFiles[0]?.attachments[0];
    expect(attachment?.contentType).toBe('text/html');
    // vitest copied the page into its attachments folder.
    expect(attachment?.path?.startsWith(attachmentsDir)).toBe(true);
    expect(await readFile(attachment?.path ?? '', 'utf8')).toBe(
      await readFile(failed?.traceFiles[0]?.html ?? '', 'utf8'),
    );
    expect(failed?.annotations).toEqual([
      {
        type: 'tracespec',
        message: expect.stringMatching(
          /^the traces of this failure: .*a span is not as expected\.html \(2 spans in 1 trace\)$/,
        ),
        path: attachment?.path,
      },
    ]);
    expect(byName.get('passes')?.annotations).toEqual([]);
  });
});
