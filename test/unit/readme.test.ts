import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('README', () => {
  test('the quick start is exactly examples/quickstart.test.ts, which the examples project runs', () => {
    const quickstart = read('examples/quickstart.test.ts');
    expect(read('README.md')).toContain(`\`\`\`ts\n${quickstart}\`\`\``);
    expect(quickstart.split('\n').length).toBeLessThanOrEqual(22);
  });

  test('the setup-file snippet is what examples/tracing.setup.ts does', () => {
    const readme = read('README.md');
    expect(readme).toContain("setupTracing({ serviceName: 'shop', instrumentations: [new HttpInstrumentation()] });");
    expect(read('examples/tracing.setup.ts')).toContain("serviceName: 'shop'");
  });

  test('the two commands are npm scripts that exist', () => {
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
    expect(scripts.examples).toBeDefined();
    expect(scripts.test).toContain('vitest run');
    expect(read('README.md')).toContain('npm ci && npm run examples');
    expect(read('.ci/run')).toMatch(/\nnpm test\n/);
  });
});
