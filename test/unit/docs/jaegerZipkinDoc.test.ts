import { existsSync, readFileSync } from 'node:fs';
import { startCollector } from 'tracespec/otlp';
import { describe, expect, test } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const doc = read('docs/jaeger-zipkin.md');
const normalize = (line: string) => line.trim().replace(/[;,]$/, '');

describe('docs/jaeger-zipkin.md', () => {
  const snippets = [...doc.matchAll(/<!-- tested in: (\S+) -->\n```ts\n([\s\S]*?)```/g)];

  test.for(snippets.map((match) => [match[1] as string, match[2] as string] as const))(
    'every line of the snippet from %s is in that file',
    ([file, code]) => {
      expect(existsSync(new URL(`../../../${file}`, import.meta.url)), `${file} exists`).toBe(true);
      const lines = new Set(read(file).split('\n').map(normalize));
      expect(code.split('\n').filter((line) => line.trim() !== '' && !lines.has(normalize(line)))).toEqual([]);
    },
  );

  test('the variables table lists exactly the JAEGER_* variables collector.env() gives', async () => {
    await using collector = await startCollector({ grpc: false, token: 't' });
    const given = Object.keys(collector.env({ serviceName: 's' })).filter((name) => name.startsWith('JAEGER_'));
    const listed = [...doc.matchAll(/^\| `(JAEGER_\w+)` +\|/gm)].map((match) => match[1]);
    expect(listed.sort()).toEqual(given.sort());
  });

  test('the files it names exist, and the README links to it', () => {
    for (const [, path] of doc.matchAll(/`(test\/[\w/.-]+\.\w+)`/g))
      expect(existsSync(new URL(`../../../${path}`, import.meta.url)), path).toBe(true);
    expect(read('README.md')).toContain('](docs/jaeger-zipkin.md)');
  });
});
