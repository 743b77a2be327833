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
      const lines = new Set(read(file).split('\n').map(normalize));
      const missing = code
        .split('\n')
        .filter((line) => line.trim() !== '' && line.trim() !== '// …')
        .filter((line) => !lines.has(normalize(line)));
      expect(missing).toEqual([]);
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

  test('links to docs that exist', () => {
    for (const [, path] of readme.matchAll(/\]\((docs\/[\w.-]+)\)/g)) {
      expect(existsSync(new URL(`../../${path}`, import.meta.url)), `${path} exists`).toBe(true);
    }
  });
});
