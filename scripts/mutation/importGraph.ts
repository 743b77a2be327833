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
 * What the public entry points export and which test files use which names: for the tests that reach a module
 * only through `tracespec` (or another entry point) and call what it exports by name.
 */
export interface NameIndex {
  /** The names `file` exports that an entry point (`src/index.ts`, `src/<dir>/index.ts`) exports too. */
  publicNamesOf(file: string): readonly string[];
  /** Whether the text of `test` uses `name` as a word. */
  uses(test: string, name: string): boolean;
}

const EXPORTED =
  /export\s+(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|class|const|let|var|interface|type|enum)\s+([A-Za-z_$][\w$]*)/g;

/** The {@link NameIndex} of the repository's sources and tests. */
export function nameIndex(root: string, graph: ReadonlyMap<string, readonly string[]>): NameIndex {
  const texts = new Map<string, string>();
  const text = (file: string) => {
    let found = texts.get(file);
    if (found === undefined) {
      found = readFileSync(join(root, file), 'utf8');
      texts.set(file, found);
    }
    return found;
  };
  const words = new Map<string, ReadonlySet<string>>();
  const wordsOf = (file: string) => {
    let set = words.get(file);
    if (set === undefined) {
      set = new Set(text(file).match(/[A-Za-z_$][\w$]*/g) ?? []);
      words.set(file, set);
    }
    return set;
  };
  const entryWords = new Set([...graph.keys()].filter(isEntryPoint).flatMap((entry) => [...wordsOf(entry)]));
  return {
    publicNamesOf(file) {
      const names = [...text(file).matchAll(EXPORTED)].map((match) => match[1] as string);
      return [...new Set(names)].filter((name) => entryWords.has(name));
    },
    uses: (test, name) => wordsOf(test).has(name),
  };
}

/**
 * The unit test files that exercise `file`, nearest first: those that import it directly or through other modules
 * (not through an entry point `index.ts` nor the unit setup file, through which every test reaches every module),
 * then the tests of its own directory (`src/query/x.ts` -> `test/unit/query/**`; the checks' tests also live in
 * shape/, timing/, semconv/, secrets/ and msw/), which reach it through the
 * public entry points. With a {@link NameIndex}, also the tests that import an entry point and use a public name of
 * the file or of a module between it and the entry point (`criticalPath` from `tracespec` reaches
 * src/model/criticalPath.ts, whose tests live in test/unit/timing/). A test that reaches the file otherwise (through
 * a name it does not write) is not run: the measured score is then a lower bound.
 */
export function relatedTests(
  graph: ReadonlyMap<string, readonly string[]>,
  file: string,
  names?: NameIndex,
): readonly string[] {
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
  const byName: string[] = [];
  if (names) {
    const reached = [...seen].filter((at) => at.startsWith('src/') && !isEntryPoint(at));
    const publicNames = [...new Set(reached.flatMap((at) => names.publicNamesOf(at)))];
    for (const [test, imports] of [...graph].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (!test.startsWith('test/unit/') || !test.endsWith('.test.ts') || !imports.some(isEntryPoint)) continue;
      if (publicNames.some((name) => names.uses(test, name))) byName.push(test);
    }
  }
  const directory = file.split('/')[1] ?? '';
  const own = (TEST_DIRECTORIES[directory] ?? [directory]).map((name) => `test/unit/${name}/`);
  const sameDirectory = [...graph.keys()]
    .filter((test) => own.some((prefix) => test.startsWith(prefix)) && test.endsWith('.test.ts'))
    .sort();
  return [...new Set([...tests, ...byName, ...sameDirectory])];
}
