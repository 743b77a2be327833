import { describe, expect, test } from 'vitest';
import { buildIndexPage } from '../../../src/render/html/buildIndexPage.ts';
import { renderMarkdownSummary } from '../../../src/render/renderMarkdownSummary.ts';

describe('the Markdown summary for CI step summaries', () => {
  test('per failed test: name, file, page, message and the tree in fenced blocks', () => {
    const markdown = renderMarkdownSummary([
      {
        test: 'checkout > is *connected*',
        file: 'test/checkout.test.ts',
        project: 'node',
        message: 'expected one trace\nReceived: 2',
        tree: 'trace 4bf9 (2 spans)\n  a server "GET"  ◀ closest 1',
        page: 'test-results/traces/checkout.html',
      },
      { test: 'totals', file: 'test/totals.test.ts', message: 'expected 3 to be 4' },
    ]);
    expect(markdown).toBe(
      [
        '## tracespec: 2 failed tests\n',
        '### ✗ checkout \\> is \\*connected\\*\n',
        '`[node] test/checkout.test.ts` · trace page: `test-results/traces/checkout.html`\n',
        '```text\nexpected one trace\nReceived: 2\n```\n',
        '<details><summary>Traces</summary>\n\n```text\ntrace 4bf9 (2 spans)\n  a server "GET"  ◀ closest 1\n```\n</details>\n',
        '### ✗ totals\n',
        '`test/totals.test.ts`\n',
        '```text\nexpected 3 to be 4\n```\n',
        '',
      ].join('\n'),
    );
  });

  test('a message cannot close its fence; long messages and trees are clipped', () => {
    const message = ['```', 'inside', ...Array.from({ length: 60 }, (_, i) => `line ${i}`)].join('\n');
    const markdown = renderMarkdownSummary([{ test: 't', file: 'f', message }]);
    expect(markdown).toContain('````text\n```\ninside');
    expect(markdown).toContain('line 37\n… 22 more lines\n````');
  });

  test('no failures, and a summary that would pass the step summary limit', () => {
    expect(renderMarkdownSummary([])).toBe('## tracespec: 0 failed tests\n\nNo test failed.\n');
    const big = 'x'.repeat(2000);
    const entries = Array.from({ length: 600 }, (_, i) => ({ test: `t${i}`, file: 'f', message: big }));
    const markdown = renderMarkdownSummary(entries);
    expect(markdown.length).toBeLessThan(1_000_000);
    expect(markdown).toMatch(/… \d+ more failed tests left out \(size limit\)\.\n$/);
  });
});

describe('the index of failed tests', () => {
  test('links the pages, says when a test recorded no spans, escapes, and clips long messages', () => {
    const html = buildIndexPage([
      {
        test: 'a <b>',
        file: 'f.test.ts',
        project: 'p',
        message: Array.from({ length: 12 }, (_, i) => `line ${i}`).join('\n'),
        href: 'f/a%20b.html',
        spans: 3,
        traces: 1,
      },
      { test: 'c', file: 'g.test.ts', message: '\u001b[31mred\u001b[39m' },
    ]);
    expect(html).toContain('<title>Failed tests: 2 failed tests</title>');
    expect(html).toContain('<a href="f/a%20b.html">a &lt;b&gt;</a>');
    expect(html).toContain('[p] f.test.ts');
    expect(html).toContain('line 7\n…</pre>');
    expect(html).toContain('3 spans, 1 trace');
    expect(html).toContain('c <span class="no-trace">(no spans recorded)</span>');
    expect(html).toContain('<pre>red</pre>');
    expect(buildIndexPage([])).toContain('No test failed.');
  });
});
