import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { buildTracePage } from '../../src/render/html/buildTracePage.ts';
import { type Browser, launchBrowser, screenshot, styleOf, type WatchedPage } from '../support/browser.ts';
import { knownPage } from '../support/knownTrace.ts';
import { tempDir } from '../support/tempDir.ts';

let browser: Browser;
beforeAll(async () => {
  if (inject('chromium').available) browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function openKnown(options: { colorScheme?: 'light' | 'dark'; height?: number } = {}): Promise<WatchedPage> {
  const path = join(await tempDir('tracespec-page-'), 'checkout.html');
  await writeFile(path, buildTracePage(knownPage()));
  return browser.open(path, options);
}

/** The names of the span rows in the DOM, in order. */
const rowNames = (page: Page) => page.$$eval('.span-row .name', (names) => names.map((name) => name.textContent));
const selectedName = (page: Page) => page.textContent('.span-row.selected .name');
const detailsTitle = (page: Page) => page.textContent('#details .details-title');

/** Every page must have loaded nothing but itself, and logged no error. */
function expectClean(watched: WatchedPage): void {
  expect(watched.errors).toEqual([]);
  expect(watched.requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
}

describe.skipIf(!inject('chromium').available)('the trace page in headless Chromium', () => {
  test('opens from a file URL with the network off, and shows every span', async () => {
    const watched = await openKnown();
    const { page } = watched;
    expect(await rowNames(page)).toEqual([
      'POST',
      'POST /checkout',
      'GET',
      'GET /orders/new',
      'validate cart',
      'GET',
      'publish order',
      'POST',
      'POST /charge',
      'charge card',
      'record order',
      'GET /stock/:sku',
      'SELECT stock',
    ]);
    expect(await page.$$eval('.trace-row', (rows) => rows.length)).toBe(2);
    expect(await page.title()).toBe('Failed: checkout > is one connected trace');
    expect(watched.requests).toHaveLength(1);
    expectClean(watched);
  });

  test("the failure's message is on top, and its marked spans are highlighted; the first one is selected", async () => {
    const watched = await openKnown();
    const { page } = watched;
    expect(await page.textContent('.failure pre.message')).toContain(
      'orders -> inventory: inventory\'s server span "GET /stock/:sku" did not continue orders\' trace',
    );
    expect(await page.textContent('.failure .hop-note')).toBe('✗ orders → inventory: not continued (inferred)');
    const marked = await page.$$eval('.span-row.marked', (rows) =>
      rows.map((row) => [
        row.querySelector('.service')?.textContent,
        row.querySelector('.name')?.textContent,
        row.querySelector('.badge-mark')?.textContent,
      ]),
    );
    expect(marked).toEqual([
      ['orders', 'GET', '◀ 1: caller'],
      ['inventory', 'GET /stock/:sku', '◀ 1: context lost here'],
    ]);
    // The note sits beside the bar, never on it.
    const overlaps = await page.$$eval('.span-row.marked', (rows) =>
      rows.map((row) => {
        const note = row.querySelector('.badge-mark')?.getBoundingClientRect();
        const bar = row.querySelector('.bar')?.getBoundingClientRect();
        return !note || !bar ? 'missing' : note.right > bar.left && note.left < bar.right;
      }),
    );
    expect(overlaps).toEqual([false, false]);
    // Highlighted means a colour of its own, unlike an ordinary row.
    const background = (selector: string) => styleOf(page, selector, 'background-color');
    expect(await background('.span-row.marked:not(.selected)')).not.toBe(await background('#span-4'));
    expect(await selectedName(page)).toBe('GET /stock/:sku');
    expect(await page.textContent('#details .details-marks')).toContain('◀ 1: context lost here');
    // A mark chip jumps to its span.
    await page.click('.mark-chip:has-text("1: caller")');
    expect(await page.getAttribute('.span-row.selected', 'id')).toBe('span-5');
    expectClean(watched);
  });

  test('collapsing and expanding a subtree, by mouse', async () => {
    const watched = await openKnown();
    const { page } = watched;
    await page.click('#span-3 [data-toggle]');
    expect(await rowNames(page)).not.toContain('validate cart');
    expect(await page.getAttribute('#span-3', 'aria-expanded')).toBe('false');
    await page.click('#span-3 [data-toggle]');
    expect(await rowNames(page)).toContain('validate cart');
    // A whole trace collapses too.
    await page.click('#trace-0 [data-toggle]');
    expect(await rowNames(page)).toEqual(['GET /stock/:sku', 'SELECT stock']);
    expectClean(watched);
  });

  test('selecting a span shows its details: status, attributes, events with the stack trace, resource, scope', async () => {
    const watched = await openKnown();
    const { page } = watched;
    await page.click('#span-9 .name');
    expect(await detailsTitle(page)).toContain('charge card');
    const details = (await page.textContent('#details')) ?? '';
    expect(details).toContain('error: card declined');
    expect(details).toContain('payment.amount42');
    expect(details).toContain('exception');
    expect(await page.textContent('#details pre.stack')).toContain('at charge (/app/payments.ts:41:11)');
    expect(details).toContain('service.instance.idpayments-1');
    expect(details).toContain('@opentelemetry/instrumentation-http@0.223.0');
    // A value the redaction rules cover is shown as its placeholder, never as the secret.
    await page.click('#span-1 .name');
    expect(await page.textContent('#details')).toMatch(
      /http\.request\.header\.authorization<redacted:secret-key#[0-9a-f]{4}>/,
    );
    expect(await page.content()).not.toContain('eyJhbGciOiJIUzI1NiJ9');
    // A span moved for clock skew says so.
    await page.click('#span-8 .name');
    expect(await page.textContent('#details .details-skew')).toMatch(/Moved later by 5ms to fit inside its parent/);
    expectClean(watched);
  });

  test('following a link jumps to the linked span; the parent link too', async () => {
    const watched = await openKnown();
    const { page } = watched;
    await page.click('#span-10 .name');
    expect(await detailsTitle(page)).toContain('record order');
    await page.click('#details [data-kind="link"]');
    expect(await selectedName(page)).toBe('publish order');
    expect(await detailsTitle(page)).toContain('publish order');
    await page.click('#details [data-kind="parent"]');
    expect(await selectedName(page)).toBe('GET /orders/new');
    expectClean(watched);
  });

  test('keyboard: arrows move and collapse, Enter toggles, n and e jump to marked and error spans', async () => {
    const watched = await openKnown();
    const { page } = watched;
    await page.focus('#rows');
    await page.keyboard.press('Home');
    expect(await page.getAttribute('.row.selected', 'id')).toBe('trace-0');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await selectedName(page)).toBe('POST /checkout');
    expect(await page.getAttribute('#rows', 'aria-activedescendant')).toBe('span-1');
    await page.keyboard.press('ArrowLeft');
    expect(await rowNames(page)).toEqual(['POST', 'POST /checkout', 'GET /stock/:sku', 'SELECT stock']);
    await page.keyboard.press('ArrowRight');
    expect((await rowNames(page)).length).toBe(13);
    await page.keyboard.press('ArrowRight');
    expect(await selectedName(page)).toBe('GET');
    await page.keyboard.press('ArrowLeft');
    expect(await selectedName(page)).toBe('GET');
    expect(await page.getAttribute('#span-2', 'aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('#span-2', 'aria-expanded')).toBe('true');
    // n: the next marked span (expanding what hides it); e: the next error.
    await page.keyboard.press('n');
    expect(await page.getAttribute('.row.selected', 'id')).toBe('span-5');
    await page.keyboard.press('n');
    expect(await page.getAttribute('.row.selected', 'id')).toBe('span-11');
    await page.keyboard.press('e');
    expect(await page.getAttribute('.row.selected', 'id')).toBe('span-7');
    await page.keyboard.press('e');
    expect(await selectedName(page)).toBe('charge card');
    await page.keyboard.press('End');
    expect(await selectedName(page)).toBe('SELECT stock');
    expect(await detailsTitle(page)).toContain('SELECT stock');
    expectClean(watched);
  });

  test('the service map: call counts, errors, and the broken hop drawn in red; clicking it shows its span', async () => {
    const watched = await openKnown();
    const { page } = watched;
    const edges = await page.$$eval('.service-map .edge', (items) =>
      items.map((edge) => [
        edge.getAttribute('data-from'),
        edge.getAttribute('data-to'),
        edge.querySelector('.edge-label')?.textContent,
      ]),
    );
    expect(edges).toEqual([
      ['shop', 'gateway', '1 call'],
      ['gateway', 'orders', '1 call'],
      ['gateway', 'payments', '1 call'],
      ['orders', 'inventory', '✗ not continued (inferred)'],
    ]);
    expect(await page.textContent('.service-map .node[data-name="gateway"] .node-counts')).toBe('4 spans · 1 error');
    expect(await page.getAttribute('.service-map .edge.broken', 'aria-label')).toBe(
      'orders -> inventory: no calls (not continued (inferred))',
    );
    const stroke = (selector: string) => styleOf(page, selector, 'stroke');
    const red = await styleOf(page, '.failure', 'border-top-color');
    expect(await stroke('.edge.broken .edge-line')).toBe(red);
    expect(await stroke('.edge:not(.broken) .edge-line')).not.toBe(red);
    await page.click('#span-1 .name');
    await page.click('.edge.broken .edge-label');
    expect(await page.getAttribute('.row.selected', 'id')).toBe('span-11');
    await page.focus('.service-map .node[data-name="payments"]');
    await page.keyboard.press('Enter');
    expect(await selectedName(page)).toBe('POST /charge');
    expectClean(watched);
  });

  test('light and dark: follows the system, the button switches; screenshots of both', async () => {
    const light = await openKnown({ colorScheme: 'light', height: 1000 });
    const dark = await openKnown({ colorScheme: 'dark', height: 1000 });
    const background = (page: Page) => styleOf(page, 'body', 'background-color');
    const luminance = (rgb: string) =>
      (rgb.match(/\d+/g) ?? []).slice(0, 3).reduce((sum, channel) => sum + Number(channel), 0) / 3;
    expect(luminance(await background(light.page))).toBeGreaterThan(200);
    expect(luminance(await background(dark.page))).toBeLessThan(50);
    // The broken hop stays red in the dark too.
    const hop = await styleOf(dark.page, '.edge.broken .edge-line', 'stroke');
    expect(hop).toMatch(/^rgb\(255, 107, 99\)$/);
    await screenshot(light.page, 'trace-page-light');
    await screenshot(dark.page, 'trace-page-dark');
    // The button cycles auto -> light -> dark.
    await light.page.click('#theme');
    expect(await light.page.textContent('#theme')).toBe('◐ Light');
    await light.page.click('#theme');
    expect(await light.page.textContent('#theme')).toBe('◐ Dark');
    expect(luminance(await background(light.page))).toBeLessThan(50);
    expectClean(light);
    expectClean(dark);
  });
});
