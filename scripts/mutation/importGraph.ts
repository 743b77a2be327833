import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

function listTs(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'fixtures') out.push(...listTs(root, path));
    } else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

function resolveImport(root: string, from: string, spec: string): string | undefined {
  if (spec === 'tracespec') return 'src/index.ts';
  if (spec.startsWith('tracespec/')) return `src/${spec.slice('tracespec/'.length)}/index.ts`;
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(root, dirname(from), spec);
  const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')];
  const found = candidates.find((path) => path.endsWith('.ts') && existsSync(path));
  return found === undefined ? undefined : relative(root, found).split('\\').join('/');
}

/** Which repository files each file imports (static and dynamic imports, tracespec's public names resolved). */
export function importGraph(root: string): ReadonlyMap<string, readonly string[]> {
  const graph = new Map<string, readonly string[]>();
  for (const file of [...listTs(root, 'src'), ...listTs(root, 'test')]) {
    const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    const imports = info.importedFiles
      .map((ref) => resolveImport(root, file, ref.fileName))
      .filter((path): path is string => path !== undefined);
    graph.set(file, imports);
  }
  return graph;
}

/** Where the tests of a source directory live, when not (only) in `test/unit/<directory>/`. */
const TEST_DIRECTORIES: Readonly<Record<string, readonly string[]>> = {
  check: ['check', 'shape', 'timing', 'semconv', 'secrets', 'msw'],
};

/** Entry points (`src/index.ts`, `src/<dir>/index.ts`): every test reaches every module through them. */
const isEntryPoint = (file: string) => /^src\/([^/]+\/)?index\.ts$/.test(file);

/**
 * The unit test files that exercise `file`, nearest first: those that import it directly or through other modules
 * (not through an entry point `index.ts` nor the unit setup file, through which every test reaches every module),
 * then the tests of its own directory (`src/query/x.ts` -> `test/unit/query/**`; the checks' tests also live in
 * shape/, timing/, semconv/, secrets/ and msw/), which reach it through the
 * public entry points. A test that only reaches the file through another directory's entry point is not run (the
 * measured score is then a lower bound).
 */
export function relatedTests(graph: ReadonlyMap<string, readonly string[]>, file: string): readonly string[] {
  const importers = new Map<string, string[]>();
  for (const [from, imports] of graph) {
    for (const to of imports) importers.set(to, [...(importers.get(to) ?? []), from]);
  }
  const seen = new Set([file]);
  const tests: string[] = [];
  let frontier = [file];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const at of frontier) {
      for (const from of importers.get(at) ?? []) {
        if (seen.has(from) || from === 'test/support/setup-unit.ts' || isEntryPoint(from)) continue;
        seen.add(from);
        next.push(from);
        if (from.startsWith('test/unit/') && from.endsWith('.test.ts')) tests.push(from);
      }
    }
    frontier = next.sort();
  }
  const directory = file.split('/')[1] ?? '';
  const own = (TEST_DIRECTORIES[directory] ?? [directory]).map((name) => `test/unit/${name}/`);
  const sameDirectory = [...graph.keys()]
    .filter((test) => own.some((prefix) => test.startsWith(prefix)) && test.endsWith('.test.ts'))
    .sort();
  return [...new Set([...tests, ...sameDirectory])];
}
