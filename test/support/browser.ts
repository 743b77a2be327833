import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's chromium: the browser the tests drive (never a downloaded one). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Where browser tests keep their screenshots (uploaded as CI artifacts). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

// Flags that work as root in a closed network: no sandbox (root), no GPU, and nothing that calls home.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
];

/** A page with what it did: requests (only `file:` ones are allowed through) and console errors. */
export interface WatchedPage {
  readonly page: Page;
  /** Every URL the page requested. */
  readonly requests: string[];
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
}

/** A headless Chromium with a fresh profile, offline: every request that is not a local file is aborted. */
export interface Browser extends AsyncDisposable {
  readonly context: BrowserContext;
  open(
    path: string,
    options?: { colorScheme?: 'light' | 'dark'; width?: number; height?: number },
  ): Promise<WatchedPage>;
  close(): Promise<void>;
}

/** Starts Debian's chromium headless through Playwright's library, with the network off. */
export async function launchBrowser(): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'tracespec-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    viewport: { width: 1400, height: 900 },
    offline: true,
    serviceWorkers: 'block',
  });
  await context.route('**/*', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort('internetdisconnected'),
  );
  const close = async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  };
  return {
    context,
    async open(path, options = {}) {
      const page = await context.newPage();
      await page.setViewportSize({ width: options.width ?? 1400, height: options.height ?? 900 });
      await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(pathToFileURL(path).href);
      // A trace page says when its first rows are drawn; an index has no script.
      if ((await page.$('#tracespec-data')) !== null) {
        await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
      }
      return { page, requests, errors };
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}

/** Saves a full-page screenshot under test-results/screenshots and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A computed style of the first element matching `selector` (a CSS property name: `background-color`). */
export function styleOf(page: Page, selector: string, property: string): Promise<string> {
  return page.$eval(
    selector,
    // Runs in the page, where an element knows its window.
    (element, name) => element.ownerDocument.defaultView.getComputedStyle(element).getPropertyValue(name),
    property,
  );
}
