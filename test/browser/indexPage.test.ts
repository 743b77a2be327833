import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TraceSet } from 'tracespec';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { buildIndexPage } from '../../src/render/html/buildIndexPage.ts';
import { buildTracePage } from '../../src/render/html/buildTracePage.ts';
import { type Browser, launchBrowser, screenshot } from '../support/browser.ts';
import { knownPage, knownSpans } from '../support/knownTrace.ts';
import { tempDir } from '../support/tempDir.ts';

let browser: Browser;
beforeAll(async () => {
  if (inject('chromium').available) browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe.skipIf(!inject('chromium').available)('the index of failed tests in headless Chromium', () => {
  test('lists every failure; a link opens its page, which links back', async () => {
    const dir = await tempDir('tracespec-index-');
    await mkdir(join(dir, 'checkout test'), { recursive: true });
    const page = knownPage();
    await writeFile(
      join(dir, 'checkout test', 'is connected.html'),
      buildTracePage({ ...page, indexHref: '../index.html' }),
    );
    await writeFile(
      join(dir, 'index.html'),
      buildIndexPage([
        {
          test: page.title,
          file: 'examples/ci/lost-context.failing.ts',
          message: page.failures?.[0]?.message ?? '',
          href: 'checkout%20test/is%20connected.html',
          spans: TraceSet.fromSpans(knownSpans()).spans.length,
          traces: 2,
        },
        { test: 'totals > add up', file: 'test/totals.test.ts', message: 'expected 3 to be 4' },
      ]),
    );
    const { page: index, errors, requests } = await browser.open(join(dir, 'index.html'));
    expect(await index.textContent('h1')).toBe('✗Failed tests');
    expect(await index.$$eval('tbody tr', (rows) => rows.length)).toBe(2);
    expect(await index.textContent('tbody tr:nth-child(2)')).toContain('(no spans recorded)');
    await screenshot(index, 'index-page');
    await index.click('a:has-text("is one connected trace")');
    await index.waitForSelector('body[data-ready="true"]');
    expect(await index.title()).toBe('Failed: checkout > is one connected trace');
    await index.click('text=All failures');
    await index.waitForSelector('.index-table');
    expect(errors).toEqual([]);
    expect(requests.every((url) => url.startsWith('file:'))).toBe(true);
  });
});
