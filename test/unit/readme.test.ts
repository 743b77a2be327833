import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const readme = read('README.md');

/** Lines compared without indentation and without a trailing `;` or `,` (a snippet may end where code goes on). */
const normalize = (line: string) => line.trim().replace(/[;,]$/, '');

describe('README', () => {
  test('the quick start is exactly examples/quickstart.test.ts, which the examples project runs', () => {
    const quickstart = read('examples/quickstart.test.ts');
    expect(readme).toContain(`\`\`\`ts\n${quickstart}\`\`\``);
  });

  test('the setup-file snippet is exactly examples/tracing.setup.ts', () => {
    expect(readme).toContain(`\`\`\`ts\n${read('examples/tracing.setup.ts')}\`\`\``);
  });

  const snippets = [...readme.matchAll(/<!-- tested in: (\S+) -->\n```ts\n([\s\S]*?)```/g)];
  test('has snippets that name the test they come from', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(6);
  });

  test.for(snippets.map((match) => [match[1] as string, match[2] as string] as const))(
    'every line of the snippet from %s is in that file',
    ([file, code]) => {
      expect(existsSync(new URL(`../../${file}`, import.meta.url)), `${file} exists`).toBe(true);
      const source = read(file);
      const lines = new Set(source.split('\n').map(normalize));
      // An import line may show fewer names than the file imports from that module; `// …` marks left-out code.
      const imported = new Set(importsByModule(source));
      const missing = code
        .split('\n')
        .filter((line) => line.trim() !== '' && !line.trim().startsWith('// …'))
        .filter((line) =>
          /^import\s/.test(line)
            ? !importsByModule(line).every((name) => imported.has(name))
            : !lines.has(normalize(line)),
        );
      expect(missing).toEqual([]);
    },
  );

  test.for(snippets.map((match) => [match[1] as string, match[2] as string] as const))(
    'the snippet from %s shows where each name it uses comes from',
    ([file, code]) => {
      const source = read(file);
      const used = new Set(wordsOutsideStrings(code));
      // What the source file imports or declares, the snippet must import or declare too (to paste it).
      const needed = [...new Set([...importedNames(source), ...declaredNames(source)])].filter((name) =>
        used.has(name),
      );
      const shown = new Set([...importedNames(code), ...declaredNames(code)]);
      expect(needed.filter((name) => !shown.has(name))).toEqual([]);
    },
  );

  test('the two commands are npm scripts that exist, and CI runs the test command', () => {
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
    expect(scripts.examples).toBeDefined();
    expect(scripts.test).toContain('vitest run');
    expect(readme).toContain('npm ci && npm run examples');
    expect(readme).toContain('npm test ');
    expect(read('.ci/run')).toMatch(/\nnpm test\n/);
  });

  test('the mutation score names the npm script and the committed sample it was measured on', () => {
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
    expect(scripts.mutation).toBe('node scripts/mutation/run.ts');
    expect(readme).toContain('npm run mutation');
    const sample = JSON.parse(read('scripts/mutation/sample.json')) as {
      seed: number;
      candidates: number;
      mutants: unknown[];
    };
    expect(readme).toContain(`${sample.mutants.length} of the ${sample.candidates} mutants, seed ${sample.seed}`);
  });

  test('links to docs that exist', () => {
    for (const [, path] of readme.matchAll(/\]\((docs\/[\w.-]+)\)/g)) {
      expect(existsSync(new URL(`../../${path}`, import.meta.url)), `${path} exists`).toBe(true);
    }
  });
});

/** The names a piece of code imports (`import { a, type B as C } from '…'`, `import d from '…'`). */
function importedNames(code: string): string[] {
  const names: string[] = [];
  for (const [, clause] of code.matchAll(/^import\s+(?:type\s+)?([^'"]+?)\s+from\s/gm)) {
    const braces = /\{([^}]*)\}/.exec(clause as string);
    const outside = (clause as string).replace(/\{[^}]*\}/, '').replace(/[,\s]/g, '');
    if (outside !== '') names.push(outside.replace(/^\*as/, ''));
    for (const part of braces?.[1]?.split(',') ?? []) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .pop();
      if (name) names.push(name);
    }
  }
  return names;
}

/** The names a piece of code declares: `const|let|var|function|class x`, destructured parameters `({ a, b })`. */
function declaredNames(code: string): string[] {
  const names = [...code.matchAll(/\b(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)/g)].map(
    (m) => m[1] as string,
  );
  for (const [, list] of code.matchAll(/\(\{([^}]*)\}\)\s*=>/g)) {
    for (const part of (list as string).split(',')) names.push(part.trim().split(/[:\s=]/)[0] as string);
  }
  return names.filter((name) => name !== '');
}

/** The identifiers code refers to, leaving out string and template literals, comments and object keys. */
function wordsOutsideStrings(code: string): string[] {
  const bare = code.replace(/\/\/.*$/gm, '').replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`(?:\\.|[^`\\])*`/g, "''");
  // Object keys (`service: 'orders'`) and property names (`a.b`) name nothing in scope.
  return [...bare.matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*(?!\s*:(?!:))/g)].map((m) => m[0]);
}

/** Each name a piece of code imports, with the module it comes from (`name from 'module'`). */
function importsByModule(code: string): string[] {
  return [...code.matchAll(/^import\s+(?:type\s+)?[^'"]+?\s+from\s+'([^']+)'/gm)].flatMap((match) =>
    importedNames(match[0]).map((name) => `${name} from '${match[1]}'`),
  );
}
