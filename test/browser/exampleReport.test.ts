import { join } from 'node:path';
import { TracespecReporter } from 'tracespec/reporter';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { type Browser, launchBrowser, screenshot, styleOf } from '../support/browser.ts';
import { runVitest } from '../support/runVitest.ts';
import { tempDir } from '../support/tempDir.ts';

let browser: Browser;
beforeAll(async () => {
  if (inject('chromium').available) browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe.skipIf(!inject('chromium').available)('the example that fails on purpose, as a person sees it', () => {
  test('its page says which hop lost the context, marks the spans, and draws the hop in red', {
    timeout: 120_000,
  }, async () => {
    const outputDir = await tempDir('tracespec-example-');
    const reporter = new TracespecReporter({ outputDir, summary: false, stepSummary: false });
    const run = await runVitest(
      ['examples/ci/lost-context.failing.ts'],
      {},
      {
        include: ['examples/ci/*.failing.ts'],
        setupFiles: ['examples/tracing.setup.ts'],
        reporters: [reporter],
        attachmentsDir: join(outputDir, '.attachments'),
        testTimeout: 60_000,
      },
    );
    const [result] = run.tests;
    expect(result?.state, run.output).toBe('failed');
    expect(result?.errors[0]).toContain('toBeConnected');
    const html = result?.traceFiles[0]?.html ?? '';
    expect(html).toMatch(/examples_ci_lost-context\.failing\/a checkout is one connected trace\.html$/);

    const { page, errors, requests } = await browser.open(html, { height: 1000 });
    // Which hop: named above the message and drawn in red on the service map.
    expect(await page.textContent('.failure .hop-note')).toBe('✗ orders → inventory: the caller sent no context');
    // The recording tap between orders and inventory saw the request go out without a traceparent.
    expect(await page.textContent('.failure pre.message')).toMatch(
      /orders -> inventory: orders sent no trace context on GET \/stock\/book/,
    );
    const broken = await page.$$eval('.service-map .edge.broken', (edges) =>
      edges.map((edge) => `${edge.getAttribute('data-from')} -> ${edge.getAttribute('data-to')}`),
    );
    expect(broken).toEqual(['orders -> inventory']);
    expect(await styleOf(page, '.edge.broken .edge-line', 'stroke')).toBe(
      await styleOf(page, '.failure', 'border-top-color'),
    );
    // Which span: the callee that started a new trace is selected and highlighted, its caller marked too.
    const marked = await page.$$eval('.span-row.marked', (rows) =>
      rows.map(
        (row) =>
          `${row.querySelector('.service')?.textContent} ${row.querySelector('.kind')?.textContent} ${row.querySelector('.badge-mark')?.textContent}`,
      ),
    );
    expect(marked).toEqual(['orders client ◀ 1: caller', 'inventory server ◀ 1: context lost here']);
    expect(await page.textContent('.span-row.selected .service')).toBe('inventory');
    expect(await page.textContent('#details')).toContain('Marked by the failure: ◀ 1: context lost here');
    // Both traces are on the page: the test's own, and the one inventory started.
    expect(await page.$$eval('.trace-row', (rows) => rows.length)).toBe(2);
    await screenshot(page, 'example-lost-context');
    expect(errors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
  });
});
