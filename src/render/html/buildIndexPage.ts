import { redactMessage } from '../../snapshot/redactTraces.ts';
import { reportRedactions } from '../../snapshot/reportRedactions.ts';
import { plainText } from '../plainText.ts';
import { escapeHtml } from './escapeHtml.ts';
import { PAGE_STYLE } from './pageStyle.ts';
import type { PageOptions } from './TracePageInput.ts';

/**
 * One failed test in the index: its name, file, message, and the link to its trace page when it recorded spans.
 *
 * @example
 * const entry: IndexEntry = { test: 'checkout > charges', file: 'test/checkout.test.ts', message, href: 'test/checkout/charges.html', spans: 12, traces: 1 };
 */
export interface IndexEntry {
  readonly test: string;
  readonly file: string;
  /** The vitest project, when the run has several. */
  readonly project?: string;
  readonly message: string;
  /** The trace page, relative to the index. Absent when the test recorded no spans. */
  readonly href?: string;
  readonly spans?: number;
  readonly traces?: number;
}

/**
 * The `index.html` of a run: every failed test with its message and a link to its trace page, like Playwright's
 * HTML report. Self-contained like the trace pages; messages go through the same redaction.
 *
 * @example
 * await writeFile('test-results/traces/index.html', buildIndexPage(entries, { title: 'vitest run' }));
 */
export function buildIndexPage(entries: readonly IndexEntry[], options: PageOptions & { title?: string } = {}): string {
  const rules = options.redact ?? reportRedactions;
  const title = options.title ?? 'Failed tests';
  const rows = entries.map((entry) => {
    const message = redactMessage(plainText(entry.message), rules);
    const name = escapeHtml(redactMessage(entry.test, rules));
    const link = entry.href
      ? `<a href="${escapeHtml(entry.href)}">${name}</a>`
      : `${name} <span class="no-trace">(no spans recorded)</span>`;
    const counts =
      entry.spans === undefined
        ? ''
        : `${entry.spans} span${entry.spans === 1 ? '' : 's'}${entry.traces === undefined ? '' : `, ${entry.traces} trace${entry.traces === 1 ? '' : 's'}`}`;
    return `<tr><td><div>${link}</div><div class="file">${escapeHtml(entry.project ? `[${entry.project}] ` : '')}${escapeHtml(entry.file)}</div><pre>${escapeHtml(firstLines(message, 8))}</pre></td><td class="counts">${escapeHtml(counts)}</td></tr>`;
  });
  const count = `${entries.length} failed test${entries.length === 1 ? '' : 's'}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="tracespec">
<title>${escapeHtml(`${title}: ${count}`)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header class="top"><div class="title"><h1>${entries.length > 0 ? '<span class="verdict">✗</span>' : ''}${escapeHtml(title)}</h1><p class="sub">${escapeHtml(count)}</p></div></header>
<main>
${
  entries.length === 0
    ? '<p class="empty">No test failed.</p>'
    : `<table class="index-table"><thead><tr><th>Test and failure</th><th>Traces</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`
}
</main>
</body>
</html>
`;
}

function firstLines(text: string, count: number): string {
  const lines = text.split('\n');
  return lines.length <= count ? text : `${lines.slice(0, count).join('\n')}\n…`;
}
