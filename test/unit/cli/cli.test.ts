import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../../support/tempDir.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const before = 'test/fixtures/traces/checkout-before.otlp.json';
const after = 'test/fixtures/traces/checkout-after.otlp.json';

/** Runs the command line from source, with the Node that runs vitest (24, which strips the types). */
async function tracespec(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--conditions=source', 'src/cli/main.ts', ...args],
      { cwd: root },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

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
    expect(wrong.stderr).toContain('[tracespec] package.json is not an OTLP/JSON trace file');
    const usage = await tracespec('frobnicate');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('[tracespec] unknown command or arguments: frobnicate');
    expect(usage.stderr).toContain('tracespec diff <a> <b>');
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
