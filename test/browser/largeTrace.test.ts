import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TraceSet } from 'tracespec';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { bigTrace } from '../../bench/support/bigTrace.ts';
import { hasSpan } from '../../src/check/trace/hasSpan.ts';
import { buildTracePage } from '../../src/render/html/buildTracePage.ts';
import { type Browser, launchBrowser, screenshot } from '../support/browser.ts';
import { tempDir } from '../support/tempDir.ts';

let browser: Browser;
beforeAll(async () => {
  if (inject('chromium').available) browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe.skipIf(!inject('chromium').available)('a 10k-span trace in headless Chromium', () => {
  test('renders only the rows in view, scrolls to the last span, and keyboard navigation reaches it', async () => {
    const traces = TraceSet.fromSpans(bigTrace(10_000));
    const check = hasSpan(traces, { name: 'GET /stock', service: 'users', status: 'error' });
    const path = join(await tempDir('tracespec-big-'), 'big.html');
    await writeFile(
      path,
      buildTracePage({ title: 'big', traces, failures: [{ message: check.message(), marks: check.marks?.() }] }),
    );
    const { page, errors, requests } = await browser.open(path);

    const rowsInDom = () => page.$$eval('#rows .row', (rows) => rows.length);
    expect(await rowsInDom()).toBeGreaterThan(10);
    expect(await rowsInDom()).toBeLessThan(120);
    expect(await page.$eval('#rows-spacer', (spacer) => spacer.getBoundingClientRect().height)).toBe(10_001 * 26);

    await screenshot(page, 'trace-page-10k-spans');
    // Scroll to the end: the last spans are drawn, the first ones are gone from the DOM.
    await page.$eval('#rows', (rows) => {
      rows.scrollTop = rows.scrollHeight;
    });
    await page.waitForSelector('#span-9999');
    expect(await page.$('#span-0')).toBeNull();
    expect(await rowsInDom()).toBeLessThan(120);

    // Back to the top with the keyboard, then to the last row.
    await page.focus('#rows');
    await page.keyboard.press('Home');
    await page.waitForSelector('#trace-0.selected');
    await page.keyboard.press('End');
    await page.waitForSelector('#span-9999.selected');
    expect(await page.textContent('#details .details-title')).toContain(
      (await page.textContent('#span-9999 .name')) ?? 'missing',
    );
    // Collapsing the trace leaves one row.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowLeft');
    expect(await rowsInDom()).toBe(1);
    expect(errors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
  });
});
