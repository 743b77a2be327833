import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { failureOf } from '../../support/failure.ts';
import { timedTrace } from '../../support/timedTrace.ts';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const docs = read('docs/timing.md');

/** The code of each `// #region name` of the examples file, without the common indentation. */
function regions(source: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of source.matchAll(/\/\/ #region ([\w-]+)\n([\s\S]*?)\n\s*\/\/ #endregion \1/g)) {
    const lines = (match[2] as string).split('\n');
    const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => line.search(/\S/)));
    found.set(match[1] as string, lines.map((line) => line.slice(indent)).join('\n'));
  }
  return found;
}

describe('docs/timing.md', () => {
  test('every ts example is a region of docs.examples.test.ts, which runs it', () => {
    const examples = [...regions(read('test/unit/timing/docs.examples.test.ts')).values()];
    const blocks = [...docs.matchAll(/```ts\n([\s\S]*?)\n```/g)].map((match) => match[1] as string);
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    for (const block of blocks) expect(examples).toContain(block);
  });

  test('the sample failure is what toRunInParallel prints', () => {
    const { trace } = timedTrace({
      name: 'POST /checkout',
      kind: 'server',
      start: 0,
      end: 100,
      children: [
        { name: 'GET /stock', kind: 'client', start: 5, end: 30 },
        { name: 'GET /price', kind: 'client', start: 30, end: 65 },
        { name: 'GET /shipping', kind: 'client', start: 66, end: 93 },
      ],
    });
    const message = failureOf(() => expect(trace).toRunInParallel({ kind: 'client' }));
    expect(docs).toContain(`\`\`\`text\n${message}\n\`\`\``);
  });
});
