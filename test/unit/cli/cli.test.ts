import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { readPageData } from '../../support/pageData.ts';
import { tempDir } from '../../support/tempDir.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const before = 'test/fixtures/traces/checkout-before.otlp.json';
const after = 'test/fixtures/traces/checkout-after.otlp.json';

/** Runs the command line from source, with the Node that runs vitest (24, which strips the types). */
async function tracespec(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return tracespecWith({}, ...args);
}

async function tracespecWith(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--conditions=source', 'src/cli/main.ts', ...args],
      { cwd: root, env: { ...process.env, ...env } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// Each test starts the command line in a Node process of its own.
describe('npx tracespec', { timeout: 60_000 }, () => {
  test('show prints a saved trace as the tree, with durations and attributes', async () => {
    const { code, stdout } = await tracespec('show', before);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'trace 4bf92f3577b34da6a3ce929d0e0e4736 (5 spans)',
        '  shop server "POST /checkout" 45ms  {http.response.status_code=200, http.route="/checkout", server.port=41234}',
        '  ├─ shop client "GET" 18ms  {http.response.status_code=200, url.full="http://localhost:41001/stock"}',
        '  │  └─ stock server "GET /stock" 15ms  {http.route="/stock"}',
        '  │     └─ stock client "SELECT stock" 6ms  {db.system="postgresql"}',
        '  └─ shop client "GET" 27ms  {http.response.status_code=200, url.full="http://localhost:41002/price"}',
        '',
      ].join('\n'),
    );
  });

  test('show --shape prints the snapshot shape', async () => {
    const { code, stdout } = await tracespec('show', '--shape', after);
    expect(code).toBe(0);
    expect(stdout).toContain(
      '  shop server "POST /checkout" error: "price unavailable"\n    · http.response.status_code: 500',
    );
    expect(stdout).toContain('· url.full: "http://localhost:<port>/stock"');
  });

  test('diff prints what appeared, disappeared, moved and changed, and exits with 1', async () => {
    const { code, stdout } = await tracespec('diff', before, after);
    expect(code).toBe(1);
    expect(stdout).toBe(await readFile(join(root, 'test/fixtures/traces/checkout.diff.txt'), 'utf8'));
  });

  test('diff also takes a stored trace snapshot on either side', async () => {
    const dir = await tempDir('tracespec-cli-');
    const snapshot = join(dir, 'checkout.trace.txt');
    await writeFile(snapshot, (await tracespec('show', '--shape', before)).stdout);
    const { code, stdout } = await tracespec('diff', snapshot, after);
    expect(code).toBe(1);
    expect(stdout).toBe(await readFile(join(root, 'test/fixtures/traces/checkout.diff.txt'), 'utf8'));
    expect(await tracespec('diff', before, snapshot)).toMatchObject({ code: 0, stdout: 'no shape changes\n' });
  });

  test('diff of a trace with itself: no changes, exit 0', async () => {
    expect(await tracespec('diff', before, before)).toMatchObject({ code: 0, stdout: 'no shape changes\n' });
  });

  test('reads JSON lines (the collector file exporter format)', async () => {
    const dir = await tempDir('tracespec-cli-');
    const data = JSON.parse(await readFile(join(root, before), 'utf8'));
    const file = join(dir, 'lines.json');
    await writeFile(file, `${JSON.stringify(data)}\n${JSON.stringify({ resourceSpans: [] })}\n`);
    const { code, stdout } = await tracespec('show', file);
    expect(code).toBe(0);
    expect(stdout).toContain('(5 spans)');
  });

  test('errors name the problem and the usage, exit 2', async () => {
    const missing = await tracespec('show', 'nope.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('[tracespec] cannot read the trace file nope.json');
    const wrong = await tracespec('show', 'package.json');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      '[tracespec] package.json is not an OTLP/JSON trace file (TracesData with "resourceSpans") nor a Zipkin v2 JSON span list',
    );
    const usage = await tracespec('frobnicate');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('[tracespec] unknown command or arguments: frobnicate');
    expect(usage.stderr).toContain('tracespec diff <a> <b>');
  });

  test('show --html writes a page next to the file (OTLP JSON), or where --out says (Zipkin JSON)', async () => {
    const dir = await tempDir('tracespec-cli-');
    const file = join(dir, 'checkout-before.otlp.json');
    await copyFile(join(root, before), file);
    const shown = await tracespec('show', file, '--html');
    expect(shown).toMatchObject({ code: 0, stdout: `written ${join(dir, 'checkout-before.trace.html')}\n` });
    const data = await readPageData(join(dir, 'checkout-before.trace.html'));
    expect(data.title).toBe('checkout-before.otlp.json');
    expect(data.subtitle).toBe(`trace file ${file} (1 trace, 5 spans)`);
    expect(data.spans.map((span) => `${data.services[span.s]} ${span.n}`)).toEqual([
      'shop POST /checkout',
      'shop GET',
      'stock GET /stock',
      'stock SELECT stock',
      'shop GET',
    ]);
    expect(data.timeless).toBe(false);

    const zipkin = join(dir, 'zipkin.json');
    await writeFile(
      zipkin,
      JSON.stringify([
        {
          traceId: '463ac35c9f6413ad',
          id: 'a2fb4a1d1a96d312',
          name: 'get /orders',
          kind: 'SERVER',
          timestamp: 1_700_000_000_000_000,
          duration: 12_000,
          localEndpoint: { serviceName: 'orders' },
        },
        {
          traceId: '463ac35c9f6413ad',
          id: 'b2fb4a1d1a96d312',
          parentId: 'a2fb4a1d1a96d312',
          name: 'select',
          kind: 'CLIENT',
          timestamp: 1_700_000_000_002_000,
          duration: 5_000,
          localEndpoint: { serviceName: 'orders' },
          remoteEndpoint: { serviceName: 'postgres' },
        },
      ]),
    );
    const page = join(dir, 'out', 'zipkin page.html');
    expect(await tracespec('show', zipkin, '--html', '--out', page)).toMatchObject({ code: 0 });
    const zipkinData = await readPageData(page);
    expect(zipkinData.spans.map((span) => [span.n, span.d, span.du])).toEqual([
      ['get /orders', 0, 12],
      ['select', 1, 5],
    ]);
  });

  test('show --html draws a stored trace snapshot: the tree and attributes, without times', async () => {
    const dir = await tempDir('tracespec-cli-');
    const snapshot = join(dir, 'checkout.trace.txt');
    await writeFile(snapshot, (await tracespec('show', '--shape', after)).stdout);
    expect(await tracespec('show', snapshot, '--html')).toMatchObject({ code: 0 });
    const data = await readPageData(join(dir, 'checkout.trace.html'));
    expect(data.timeless).toBe(true);
    expect(data.subtitle).toMatch(/^trace snapshot .*checkout\.trace\.txt \(1 trace, 6 spans\)$/);
    // In the snapshot's canonical order; every time is zero.
    expect(data.spans.map((span) => [span.n, span.d, span.st, span.x ?? ''])).toEqual([
      ['POST /checkout', 0, 0, 'e'],
      ['GET', 1, 0, ''],
      ['GET /stock', 2, 0, ''],
      ['cache lookup', 3, 0, ''],
      ['SELECT stock', 4, 0, ''],
      ['publish order', 1, 0, ''],
    ]);
    expect(data.spans[0]?.a).toContainEqual(['http.response.status_code', '500', 'n']);
    expect(data.spans[1]?.a).toContainEqual(['url.full', 'http://localhost:<port>/stock', 's']);
  });

  test('show --open writes the page and opens it with the desktop opener', async () => {
    const dir = await tempDir('tracespec-cli-');
    const bin = join(dir, 'bin');
    const opened = join(dir, 'opened.txt');
    await copyFile(join(root, before), join(dir, 'trace.otlp.json'));
    // A stand-in for xdg-open, first on PATH: it records what it was asked to open.
    await promisify(execFile)('mkdir', ['-p', bin]);
    await writeFile(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`);
    await chmod(join(bin, 'xdg-open'), 0o755);
    const result = await tracespecWith(
      { PATH: `${bin}:${process.env.PATH}` },
      'show',
      join(dir, 'trace.otlp.json'),
      '--open',
    );
    expect(result).toMatchObject({ code: 0, stdout: `written ${join(dir, 'trace.trace.html')}\n` });
    await expect.poll(() => existsSync(opened), { timeout: 5_000 }).toBe(true);
    expect(await readFile(opened, 'utf8')).toBe(join(dir, 'trace.trace.html'));
  });

  test('show --open without an opener says what to do; --shape with --html is a usage error', async () => {
    const dir = await tempDir('tracespec-cli-');
    await copyFile(join(root, before), join(dir, 'trace.otlp.json'));
    const noOpener = await tracespecWith({ PATH: dir }, 'show', join(dir, 'trace.otlp.json'), '--open');
    expect(noOpener.code).toBe(2);
    expect(noOpener.stderr).toContain('[tracespec] could not open');
    expect(noOpener.stderr).toContain('open the file in a browser yourself');
    const both = await tracespec('show', join(dir, 'trace.otlp.json'), '--html', '--shape');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('[tracespec] --shape prints text; it cannot be combined with --html');
  });

  test('show redacts what the reporter redacts', async () => {
    const dir = await tempDir('tracespec-cli-');
    const data = JSON.parse(await readFile(join(root, before), 'utf8'));
    data.resourceSpans[0].scopeSpans[0].spans[0].attributes.push({
      key: 'http.request.header.authorization',
      value: { stringValue: 'Bearer sk_live_cli_secret' },
    });
    await writeFile(join(dir, 'secret.otlp.json'), JSON.stringify(data));
    const text = await tracespec('show', join(dir, 'secret.otlp.json'));
    expect(text.stdout).toMatch(/http\.request\.header\.authorization="<redacted:secret-key#[0-9a-f]{4}>"/);
    expect(text.stdout).not.toContain('sk_live_cli_secret');
    await tracespec('show', join(dir, 'secret.otlp.json'), '--html');
    expect(await readFile(join(dir, 'secret.trace.html'), 'utf8')).not.toContain('sk_live_cli_secret');
  });

  test('the package bin is a launcher of the built command', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ tracespec: './bin/tracespec.js' });
    expect(pkg.files).toContain('bin');
    const launcher = await readFile(join(root, 'bin/tracespec.js'), 'utf8');
    expect(launcher.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(launcher).toContain("import '../dist/cli/main.js';");
  });
});
