import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const [file, out, scheme = 'light', w = '1400', h = '1000'] = process.argv.slice(2);
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'pw-')), {
  executablePath: '/usr/bin/chromium', headless: true, viewport: { width: +w, height: +h }, colorScheme: scheme,
  args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'],
});
const page = await ctx.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto('file://' + file);
await page.waitForSelector('body[data-ready=true]', { timeout: 10000 });
await page.screenshot({ path: out, fullPage: true });
await ctx.close();
