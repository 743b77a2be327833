import { readFileSync } from 'node:fs';
import { reportRedactions } from 'tracespec/reporter';
import { describe, expect, test } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const doc = read('docs/reports.md');

describe('docs/reports.md', () => {
  test('the CI config is examples/ci/vitest.config.ts, and the example it names exists', () => {
    expect(doc).toContain(`\`\`\`ts\n${read('examples/ci/vitest.config.ts')}\`\`\``);
    expect(read('examples/ci/lost-context.failing.ts')).toContain('expect(traces()).toBeConnected();');
  });

  test('the files it lists are the ones the reporter writes (test/unit/vitest/htmlReport.test.ts checks them)', () => {
    for (const file of ['index.html', 'summary.md', 'traces.otlp.jsonl', '.otlp.json', '.tree.txt', '.html']) {
      expect(doc).toContain(`\`${file}\``);
    }
    expect(read('src/reporter/writeRunReport.ts')).toContain("'traces.otlp.jsonl'");
  });

  test('the keys it lists are the keys the page handles', () => {
    const script = read('src/render/html/client/TraceView.ts') + read('src/render/html/view/navigate.ts');
    for (const key of [
      'ArrowUp',
      'ArrowDown',
      'ArrowLeft',
      'ArrowRight',
      'Home',
      'End',
      'PageUp',
      'PageDown',
      'Enter',
    ]) {
      expect(script).toContain(`'${key}'`);
    }
    expect(script).toMatch(
      /event\.key === 'n' \|\| event\.key === 'N' \|\| event\.key === 'e' \|\| event\.key === 'E'/,
    );
  });

  test('what it says of the default redaction matches reportRedactions', () => {
    const keys = reportRedactions.find((rule) => rule.name === 'secret-key')?.key;
    for (const key of ['authorization', 'cookie', 'password', 'token', 'api_key']) expect(keys?.test(key)).toBe(true);
    expect(keys?.test('http.response.status_code')).toBe(false);
  });

  test('the browser and sharding tests it names exist', () => {
    expect(read('test/browser/exampleReport.test.ts')).toContain('lost-context.failing.ts');
    expect(read('test/unit/vitest/shardedReport.test.ts')).toContain('mergeReports');
  });
});
