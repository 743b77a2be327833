import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { importGraph, type NameIndex, nameIndex, relatedTests } from '../../../scripts/mutation/importGraph.ts';
import { MUTANT_ENV, mutantPlugin } from '../../../scripts/mutation/mutantPlugin.ts';
import { applyMutant, findMutants, type Mutant } from '../../../scripts/mutation/operators.ts';
import { runTests } from '../../../scripts/mutation/runMutant.ts';
import { sampleMutants, stratifiedSample } from '../../../scripts/mutation/sample.ts';
import { type MutantResult, summarize } from '../../../scripts/mutation/score.ts';
import { syntaxErrors } from '../../../scripts/mutation/syntaxCheck.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

const mutantsOf = (source: string) => findMutants('src/x/a.ts', source).map((mutant) => applyMutant(source, mutant));

describe('mutation operators', () => {
  test('each operator yields the expected mutant text', () => {
    const source = 'if (a < b && !c) { f(); }\n';
    expect(mutantsOf(source)).toEqual([
      'if (!(a < b && !c)) { f(); }\n',
      'if (a <= b && !c) { f(); }\n',
      'if (a >= b && !c) { f(); }\n',
      'if (a < b || !c) { f(); }\n',
      'if (a < b && c) { f(); }\n',
      'if (a < b && !c) {}\n',
      'if (a < b && !c) { ; }\n',
    ]);
  });

  test('literals, method look-alikes, ++ and ?? are mutated', () => {
    expect(mutantsOf("const x = s.startsWith('a') ?? true;")).toEqual([
      "const x = s.endsWith('a') ?? true;",
      "const x = s.startsWith('a') && true;",
      "const x = s.startsWith('a') ?? false;",
    ]);
    expect(mutantsOf('i++;')).toEqual(['i--;']);
  });

  test('type positions and imports are left alone', () => {
    const source = "import { a } from './a.ts';\ntype T = true;\nlet x: false | T = false;\n";
    expect(mutantsOf(source)).toEqual(["import { a } from './a.ts';\ntype T = true;\nlet x: false | T = true;\n"]);
  });

  test('a mutant names its place, and refuses a source that changed since it was drawn', () => {
    const [mutant] = findMutants('src/x/a.ts', '\n  ok === 1;');
    expect(mutant).toMatchObject({ id: 'src/x/a.ts:2:6 === -> !==', line: 2, column: 6, original: '===' });
    expect(() => applyMutant('\n  ok !== 1;', mutant as Mutant)).toThrow(/\[tracespec\] mutation: .*--resample/);
  });

  test('a mutant that does not parse is told apart from one that only breaks types', () => {
    expect(syntaxErrors('a.ts', 'const a = (1;')).not.toEqual([]);
    expect(syntaxErrors('a.ts', "const a: number = 'not a number' - 1;")).toEqual([]);
  });
});

describe('sampling', () => {
  const all = [
    ...findMutants('src/big/a.ts', 'a < b; c === d; e && f; g || h; i > j; k >= l; m <= n; o !== p;'),
    ...findMutants('src/small/b.ts', 'x === y;'),
  ];

  test('the same seed draws the same sample; another seed another one', () => {
    const ids = (seed: number) => sampleMutants(all, 5, seed).map((mutant) => mutant.id);
    expect(ids(16)).toEqual(ids(16));
    expect(ids(16)).toHaveLength(5);
    expect(new Set(ids(16)).size).toBe(5);
    expect([1, 2, 3, 4, 5].some((seed) => ids(seed).join() !== ids(16).join())).toBe(true);
  });

  test('a stratified sample gives a small directory its minimum', () => {
    const drawn = stratifiedSample(all, 4, 16, 1);
    expect(drawn.filter((mutant) => mutant.file === 'src/small/b.ts')).toHaveLength(1);
    expect(drawn.filter((mutant) => mutant.file === 'src/big/a.ts').length).toBeGreaterThanOrEqual(3);
  });
});

describe('related tests', () => {
  test('nearest importers first, not through entry points or the unit setup, then the directory tests', () => {
    const graph = new Map<string, readonly string[]>([
      ['src/q/leaf.ts', []],
      ['src/q/mid.ts', ['src/q/leaf.ts']],
      ['src/q/index.ts', ['src/q/mid.ts']],
      ['test/support/setup-unit.ts', ['src/q/index.ts']],
      ['test/unit/other/direct.test.ts', ['src/q/leaf.ts']],
      ['test/unit/other/viaMid.test.ts', ['src/q/mid.ts']],
      ['test/unit/other/viaIndex.test.ts', ['src/q/index.ts']],
      ['test/unit/q/own.test.ts', ['src/q/index.ts']],
    ]);
    expect(relatedTests(graph, 'src/q/leaf.ts')).toEqual([
      'test/unit/other/direct.test.ts',
      'test/unit/other/viaMid.test.ts',
      'test/unit/q/own.test.ts',
    ]);
  });

  test('with a name index, also the tests that import an entry point and use a public name of a module on the way', () => {
    const graph = new Map<string, readonly string[]>([
      ['src/model/leaf.ts', []],
      ['src/model/user.ts', ['src/model/leaf.ts']],
      ['src/index.ts', ['src/model/user.ts', 'src/model/leaf.ts']],
      ['test/unit/timing/usesLeaf.test.ts', ['src/index.ts']],
      ['test/unit/timing/usesUser.test.ts', ['src/index.ts']],
      ['test/unit/timing/usesNeither.test.ts', ['src/index.ts']],
      ['test/unit/timing/noEntry.test.ts', []],
    ]);
    const exported: Record<string, readonly string[]> = {
      'src/model/leaf.ts': ['leafPath'],
      'src/model/user.ts': ['userCheck'],
    };
    const written: Record<string, readonly string[]> = {
      'test/unit/timing/usesLeaf.test.ts': ['leafPath'],
      'test/unit/timing/usesUser.test.ts': ['userCheck'],
      'test/unit/timing/usesNeither.test.ts': ['other'],
      'test/unit/timing/noEntry.test.ts': ['leafPath'],
    };
    const names: NameIndex = {
      publicNamesOf: (file) => exported[file] ?? [],
      uses: (test, name) => (written[test] ?? []).includes(name),
    };
    expect(relatedTests(graph, 'src/model/leaf.ts')).toEqual([]);
    expect(relatedTests(graph, 'src/model/leaf.ts', names)).toEqual([
      'test/unit/timing/usesLeaf.test.ts',
      'test/unit/timing/usesUser.test.ts',
    ]);
    expect(relatedTests(graph, 'src/model/user.ts', names)).toEqual(['test/unit/timing/usesUser.test.ts']);
  });

  test("on the repository, criticalPath's tests in test/unit/timing are found by name", () => {
    const graph = importGraph(root);
    const related = relatedTests(graph, 'src/model/criticalPath.ts', nameIndex(root, graph));
    expect(related).toContain('test/unit/timing/criticalPath.test.ts');
    expect(related).not.toContain('test/unit/receive/fuzz.test.ts');
  });

  test("the repository's graph resolves relative imports and tracespec's public names", () => {
    const graph = importGraph(root);
    expect(graph.get('test/unit/model/TraceCycle.test.ts')).toContain('src/index.ts');
    expect(relatedTests(graph, 'src/model/sameClock.ts')).toContain('test/unit/check/caughtBreakage.test.ts');
  });
});

describe('scoring', () => {
  const [mutant] = findMutants('src/q/a.ts', 'a === b;');
  const result = (status: MutantResult['status']): MutantResult => ({
    mutant: mutant as Mutant,
    status,
    detail: '',
    tests: 1,
    milliseconds: 1,
  });

  test('timeouts count as killed; excluded and equivalent mutants are left out; survivors are listed', () => {
    const { overall, text } = summarize(
      ['killed', 'timeout', 'survived', 'excluded', 'equivalent'].map((status) =>
        result(status as MutantResult['status']),
      ),
      () => ['a === b;'],
    );
    expect(overall).toMatchObject({ killed: 1, timeouts: 1, survived: 1, excluded: 1, equivalent: 1 });
    expect(overall.percent).toBeCloseTo(66.67, 1);
    expect(text).toContain('src/q/a.ts:1:3  === -> !==\n      a === b;');
  });
});

describe('running a mutant', () => {
  test('the plugin serves the mutated text of that one file only, and only when a mutant is set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracespec-mutant-test-'));
    try {
      writeFileSync(join(dir, 'mutant.json'), JSON.stringify({ file: '/r/src/a.ts', code: 'mutated' }));
      const transform = (env: NodeJS.ProcessEnv) =>
        mutantPlugin(env).transform as (code: string, id: string) => unknown;
      const active = transform({ [MUTANT_ENV]: join(dir, 'mutant.json') });
      expect(active('original', '/r/src/a.ts')).toEqual({ code: 'mutated', map: null });
      expect(active('original', '/r/src/a.ts?v=1')).toEqual({ code: 'mutated', map: null });
      expect(active('original', '/r/src/b.ts')).toBeUndefined();
      expect(transform({})('original', '/r/src/a.ts')).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the tests see the mutant, the file on disk never changes, and an unchanged run passes', {
    timeout: 180_000,
  }, async () => {
    const file = 'src/model/Trace.ts';
    const before = readFileSync(`${root}${file}`, 'utf8');
    const tests = ['test/unit/model/TraceCycle.test.ts'];
    const mutated = await runTests({
      root,
      tests,
      mutant: { file, code: `${before}\nthrow new Error('the mutant was loaded');\n` },
      timeoutMs: 150_000,
      bail: true,
    });
    expect(mutated.status, mutated.output).toBe('failed');
    expect(mutated.output).toContain('the mutant was loaded');
    expect(readFileSync(`${root}${file}`, 'utf8')).toBe(before);
    const clean = await runTests({ root, tests, timeoutMs: 150_000, bail: true });
    expect(clean.status, clean.output).toBe('passed');
  });
});
