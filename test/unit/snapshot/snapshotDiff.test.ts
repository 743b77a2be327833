import { describe, expect, test } from 'vitest';
import { runVitest } from '../../support/runVitest.ts';

describe('a trace snapshot that no longer matches, through the real runner', () => {
  test('fails, and its diff shows the spans that appeared, disappeared or changed', async () => {
    const run = await runVitest(['test/fixtures/runner/snapshot-changed.test.ts'], { CI: 'true' });
    expect(run.tests[0]?.state).toBe('failed');
    const diff = run.tests[0]?.diffs.join('\n') ?? '';
    expect(diff).toBe(
      [
        '- Expected',
        '+ Received',
        '',
        '  trace 1 (3 spans)',
        '    test internal "place order"',
        '      test internal "INSERT orders"',
        '-       · db.system: "mysql"',
        '+       · db.system: "postgresql"',
        '-     test internal "SELECT customers"',
        '+     test internal "publish order"',
        '+       · messaging.system: "kafka"',
      ].join('\n'),
    );
  });
});
