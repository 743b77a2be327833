import { readFileSync } from 'node:fs';
import { defaultRedactions } from 'tracespec';
import { TracespecReporter } from 'tracespec/reporter';
import { describe, expect, test } from 'vitest';
import config from '../../examples/ci/vitest.config.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const doc = read('docs/snapshots.md');

describe('docs/snapshots.md', () => {
  test('the snapshot example is examples/shop/checkout.snapshot.test.ts, which the examples project runs', () => {
    expect(doc).toContain(`\`\`\`ts\n${read('examples/shop/checkout.snapshot.test.ts')}\`\`\``);
  });

  test('the CI config is examples/ci/vitest.config.ts, with a working reporter', () => {
    expect(doc).toContain(`\`\`\`ts\n${read('examples/ci/vitest.config.ts')}\`\`\``);
    const reporters = config.test?.reporters as unknown[];
    expect(reporters[1]).toBeInstanceOf(TracespecReporter);
  });

  test('the snapshot diff is the one the real runner prints (test/unit/snapshot/snapshotDiff.test.ts)', () => {
    expect(doc).toContain(`\`\`\`text\n${read('test/fixtures/runner/snapshot-changed.diff.txt')}\`\`\``);
  });

  test('the tree diff of a failed toMatchTraceInlineSnapshot is what the real runner prints', () => {
    expect(doc).toContain(`\`\`\`text\n${read('test/fixtures/runner/snapshot-changed.tree.txt')}\`\`\``);
  });

  test('the command-line diff is what `tracespec diff` prints (test/unit/cli/cli.test.ts)', () => {
    expect(doc).toContain(`\`\`\`text\n${read('test/fixtures/traces/checkout.diff.txt')}\`\`\``);
  });

  test('the table lists every default redaction rule, in order', () => {
    const names = [...doc.matchAll(/^\| `([\w-]+)` +\|.*\| `<[^`]+>` +\|$/gm)].map((match) => match[1]);
    expect(names).toEqual(defaultRedactions.map((rule) => rule.name));
  });
});

describe('snippets of CONTRIBUTING.md and docs/*.md that name the test they come from', () => {
  const normalize = (line: string) => line.trim().replace(/[;,]$/, '');
  const pages = [
    'CONTRIBUTING.md',
    'docs/compliance.md',
    'docs/containers.md',
    'docs/propagation.md',
    'docs/selectors.md',
    'docs/service.md',
    'docs/snapshots.md',
    'docs/timing.md',
  ];
  const snippets = pages.flatMap((page) =>
    [...read(page).matchAll(/<!-- tested in: (\S+) -->\n```ts\n([\s\S]*?)```/g)].map(
      (match) => [page, match[1] as string, match[2] as string] as const,
    ),
  );

  test('there are some', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(4);
  });

  test.for(snippets)('%s: every line of the snippet from %s is in that file', ([, file, code]) => {
    const lines = new Set(read(file).split('\n').map(normalize));
    const missing = code
      .split('\n')
      .filter((line) => line.trim() !== '' && line.trim() !== '// …')
      .filter((line) => !lines.has(normalize(line)));
    expect(missing).toEqual([]);
  });
});
