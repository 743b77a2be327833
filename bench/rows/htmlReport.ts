import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { hasSpan } from '../../src/check/trace/hasSpan.ts';
import { TraceSet } from '../../src/model/TraceSet.ts';
import { buildTracePage } from '../../src/render/html/buildTracePage.ts';
import { escapeHtml } from '../../src/render/html/escapeHtml.ts';
import { renderTraceReport } from '../../src/render/renderTraceReport.ts';
import { median } from '../measure.ts';
import { type Row, round } from '../Row.ts';
import { bigTrace } from '../support/bigTrace.ts';

const CHROMIUM = '/usr/bin/chromium';
const ROUNDS = 9;
const WARMUP = 2;
const TARGET = 1.5;

/**
 * Row 8: time to first render of the HTML report of a failed test with a 10k-span trace, in headless Chromium: from
 * navigation start to the frame that draws the first waterfall rows (the page's `tracespec:rendered` mark, set in
 * the first animation frame after its script ran). Anchor: the same spans as the text tree a person had before (the
 * `.trace.txt`), in a `<pre>` of a bare page, to its first frame the same way — what a browser needs at least to
 * show those 10k spans at all. Target <= 1.5x: the page parses 10k spans of JSON and builds the tree's rows, but
 * draws only the rows in view, where the anchor lays out 10k lines; a picture that costs half again as much as the
 * plain text is still instant to open.
 */
export const htmlReport: Row = async () => {
  const what = 'first render of the HTML report, 10k-span trace, headless Chromium (time)';
  const anchor = 'the same spans as the text tree in a <pre>, same measure';
  try {
    await access(CHROMIUM);
  } catch {
    return [
      {
        id: '8',
        what,
        anchor,
        ratio: Number.NaN,
        target: `<= ${TARGET}x`,
        met: false,
        figures: { note: `no ${CHROMIUM}` },
      },
    ];
  }
  const traces = TraceSet.fromSpans(bigTrace(10_000));
  const failure = hasSpan(traces, { name: 'GET /stock', service: 'users', status: 'error' });
  const built = performance.now();
  const page = buildTracePage({
    title: 'a failed test with a 10k-span trace',
    traces,
    failures: [{ message: failure.message(), marks: failure.marks?.() }],
  });
  const buildMs = performance.now() - built;
  const text = `<!doctype html><html><head><meta charset="utf-8"><title>trace</title></head><body><pre>${escapeHtml(renderTraceReport(traces))}</pre><script>requestAnimationFrame(() => performance.mark('tracespec:rendered'))</script></body></html>`;

  const dir = await mkdtemp(join(tmpdir(), 'tracespec-bench-html-'));
  const pagePath = join(dir, 'page.html');
  const textPath = join(dir, 'text.html');
  await writeFile(pagePath, page);
  await writeFile(textPath, text);
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    offline: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const firstRender = async (path: string): Promise<number> => {
    const tab = await context.newPage();
    try {
      await tab.goto(pathToFileURL(path).href);
      await tab.waitForFunction(() => performance.getEntriesByName('tracespec:rendered').length > 0, undefined, {
        timeout: 30_000,
      });
      return await tab.evaluate(() => performance.getEntriesByName('tracespec:rendered')[0]?.startTime ?? Number.NaN);
    } finally {
      await tab.close();
    }
  };
  const pageMs: number[] = [];
  const textMs: number[] = [];
  try {
    for (let i = 0; i < ROUNDS; i++) {
      // Alternate, so that drift of the machine hits both alike.
      pageMs.push(await firstRender(pagePath));
      textMs.push(await firstRender(textPath));
    }
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
  const ours = median(pageMs.slice(WARMUP));
  const base = median(textMs.slice(WARMUP));
  const ratio = ours / base;
  const spread = (values: number[]) =>
    `${round(Math.min(...values.slice(WARMUP)))}..${round(Math.max(...values.slice(WARMUP)))}`;
  return [
    {
      id: '8',
      what,
      anchor,
      ratio: round(ratio),
      target: `<= ${TARGET}x`,
      met: ratio <= TARGET,
      figures: {
        'page first render ms': round(ours),
        'text first render ms': round(base),
        'spread page ms': spread(pageMs),
        'spread text ms': spread(textMs),
        'page KB': round(Buffer.byteLength(page) / 1024, 0),
        'text KB': round(Buffer.byteLength(text) / 1024, 0),
        'page build in Node ms': round(buildMs),
      },
    },
  ];
};
