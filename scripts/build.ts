// `npm run build` (and `npm pack`, through prepack): the package's dist/. tsc writes the type declarations; esbuild
// bundles the JavaScript of each entry point from the sources, with the modules entry points share in chunks of
// their own (each module is in the build once, so module state and brands stay single). A test file that imports
// tracespec/vitest then loads about 20 files instead of about 215, which is most of what tracespec adds to each
// test file's start (bench row 12). Dependencies stay external: the project's own copies are used.
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);

/** The package's entry points (package.json `exports`, and the `tracespec` command), as dist paths without `.js`. */
export const ENTRY_POINTS = [
  'index',
  'vitest/index',
  'otlp/index',
  'msw/index',
  'propagation/index',
  'reporter/index',
  'containers/index',
  'service/index',
  'cli/main',
] as const;

/** Builds dist/ into `outdir` (default: the repository's dist/); returns esbuild's account of what went where. */
export async function buildPackage(outdir = join(root, 'dist')): Promise<Metafile> {
  await rm(outdir, { recursive: true, force: true });
  const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
  execFileSync(
    process.execPath,
    [tsc, '-p', join(root, 'tsconfig.build.json'), '--emitDeclarationOnly', '--outDir', outdir],
    { cwd: root, stdio: 'inherit' },
  );
  const result = await build({
    absWorkingDir: root,
    metafile: true,
    entryPoints: Object.fromEntries(ENTRY_POINTS.map((entry) => [entry, join(root, 'src', `${entry}.ts`)])),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    // Names stay as written (classes and functions whose `name` a message or a brand may show).
    keepNames: true,
    // The sources ship in the package (src/): the maps point there instead of carrying them.
    sourcemap: true,
    sourcesContent: false,
    logLevel: 'warning',
  });
  return result.metafile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildPackage();
  console.log(`built ${join(root, 'dist')}`);
}
