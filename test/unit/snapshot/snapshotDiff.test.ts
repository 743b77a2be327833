import { readFile } from 'node:fs/promises';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, test } from 'vitest';
import { runVitest } from '../../support/runVitest.ts';

describe('a trace snapshot that no longer matches, through the real runner', { timeout: 60_000 }, () => {
  test('fails, and its diff shows the spans that appeared, disappeared or changed', async () => {
    const run = await runVitest(['test/fixtures/runner/snapshot-changed.test.ts'], { CI: 'true' });
    expect(run.tests.map((t) => t.state)).toEqual(['failed', 'failed', 'passed']);
    const diff = run.tests[0]?.diffs.join('\n') ?? '';
    expect(`${diff}\n`).toBe(
      await readFile(new URL('../../fixtures/runner/snapshot-changed.diff.txt', import.meta.url), 'utf8'),
    );
  });

  test('toMatchTraceInlineSnapshot also says what happened to each span', async () => {
    const run = await runVitest(['test/fixtures/runner/snapshot-changed.test.ts'], { CI: 'true' });
    const failure = run.tests.find((t) => t.name === 'the shape changed, with the tree diff');
    expect(failure?.state).toBe('failed');
    expect(`${stripVTControlCharacters(failure?.errors[0] ?? '')}\n`).toBe(
      await readFile(new URL('../../fixtures/runner/snapshot-changed.tree.txt', import.meta.url), 'utf8'),
    );
    expect(failure?.diffs[0]).toContain('+       test internal "INSERT orders"');
  });
});
