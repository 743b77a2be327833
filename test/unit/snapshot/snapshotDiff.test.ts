import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { runVitest } from '../../support/runVitest.ts';

describe('a trace snapshot that no longer matches, through the real runner', () => {
  test('fails, and its diff shows the spans that appeared, disappeared or changed', async () => {
    const run = await runVitest(['test/fixtures/runner/snapshot-changed.test.ts'], { CI: 'true' });
    expect(run.tests[0]?.state).toBe('failed');
    const diff = run.tests[0]?.diffs.join('\n') ?? '';
    expect(`${diff}\n`).toBe(
      await readFile(new URL('../../fixtures/runner/snapshot-changed.diff.txt', import.meta.url), 'utf8'),
    );
  });
});
