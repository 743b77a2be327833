// The build that `npm pack` ships (scripts/build.ts): every entry point bundled, with what the sources export, and
// the modules the entry points share in the build once, so that module state and classes are one across them.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPackage, ENTRY_POINTS } from '../../scripts/build.ts';

const run = promisify(execFile);
const repository = fileURLToPath(new URL('../../', import.meta.url));
let outdir: string;
let metafile: Metafile;

beforeAll(async () => {
  // Inside the repository, so that the build's imports of its dependencies find the repository's node_modules.
  await mkdir(join(repository, 'test-results'), { recursive: true });
  // Laid out as a package: its package.json beside dist/ (tracespec/containers finds tracespec/service by it).
  const folder = await mkdtemp(join(repository, 'test-results', 'build-'));
  await copyFile(join(repository, 'package.json'), join(folder, 'package.json'));
  outdir = join(folder, 'dist');
  metafile = await buildPackage(outdir);
});
afterAll(() => rm(dirname(outdir), { recursive: true, force: true }));

/** Runs an ES module in a Node process of its own, from the repository (for the dependencies), and parses its output. */
async function evaluate(code: string): Promise<unknown> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], { cwd: repository });
  return JSON.parse(stdout);
}

describe('the build', () => {
  test('each entry point loads in plain Node and exports the names its source exports', async () => {
    for (const entry of ENTRY_POINTS.filter((name) => name !== 'cli/main' && name !== 'service/index')) {
      const built = pathToFileURL(join(outdir, `${entry}.js`)).href;
      const source = (await import(/* @vite-ignore */ join(repository, 'src', `${entry}.ts`))) as Record<
        string,
        unknown
      >;
      if (entry === 'vitest/index') {
        // tracespec/vitest registers its matchers and hooks as it loads: only inside a vitest run.
        expect(Object.keys(await import(built)).sort(), entry).toEqual(Object.keys(source).sort());
        continue;
      }
      const names = await evaluate(
        `const m = await import(${JSON.stringify(built)}); console.log(JSON.stringify(Object.keys(m).sort()));`,
      );
      expect(names, entry).toEqual(Object.keys(source).sort());
    }
  });

  test('has a type declaration beside every entry point, and far fewer files to load than modules in the sources', async () => {
    const files = await readdir(outdir, { recursive: true });
    for (const entry of ENTRY_POINTS) {
      expect(files).toContain(`${entry}.js`);
      expect(files).toContain(`${entry}.d.ts`);
    }
    const scripts = files.filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeLessThan(60);
  });

  test('each source module is in the build once (entry points share chunks instead of holding copies)', () => {
    const placed = new Map<string, string[]>();
    for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
      for (const input of Object.keys(inputs)) placed.set(input, [...(placed.get(input) ?? []), output]);
    }
    expect(placed.size).toBeGreaterThan(150);
    expect([...placed].filter(([, outputs]) => outputs.length !== 1)).toEqual([]);
    // Shared chunks exist, and more than one entry point imports some of them.
    const chunks = Object.keys(metafile.outputs).filter(
      (output) => output.includes('/chunks/') && output.endsWith('.js'),
    );
    expect(chunks.length).toBeGreaterThan(0);
  });
});
