/**
 * One failed test in a Markdown summary.
 *
 * @example
 * const entry: SummaryEntry = { test: 'checkout > charges', file: 'test/checkout.test.ts', message, tree, page: 'test-results/traces/…/charges.html' };
 */
export interface SummaryEntry {
  readonly test: string;
  readonly file: string;
  readonly project?: string;
  readonly message: string;
  /** The failure's traces as a short text tree. */
  readonly tree?: string;
  /** Where the HTML page of the test is, as a person finds it in the CI artifacts. */
  readonly page?: string;
}

const MESSAGE_LINES = 40;
const TREE_LINES = 30;
// GitHub refuses a step summary over 1 MiB; stay well below it.
const MAX_LENGTH = 900_000;

/**
 * A Markdown summary of failed tests for CI step summaries (`$GITHUB_STEP_SUMMARY`): per test its name, file,
 * message and a short tree of its traces, in fenced blocks that no message can break out of.
 *
 * @example
 * await appendFile(process.env.GITHUB_STEP_SUMMARY, renderMarkdownSummary(entries));
 */
export function renderMarkdownSummary(entries: readonly SummaryEntry[], title = 'tracespec'): string {
  const count = `${entries.length} failed test${entries.length === 1 ? '' : 's'}`;
  const parts = [`## ${escapeInline(title)}: ${count}\n`];
  if (entries.length === 0) parts.push('No test failed.\n');
  let omitted = 0;
  let length = parts[0]?.length ?? 0;
  for (const entry of entries) {
    const section = [
      `### ✗ ${escapeInline(entry.test)}\n`,
      `\`${entry.project ? `[${entry.project}] ` : ''}${entry.file.replace(/`/g, "'")}\`${entry.page ? ` · trace page: \`${entry.page.replace(/`/g, "'")}\`` : ''}\n`,
      fence(clip(entry.message, MESSAGE_LINES)),
      entry.tree ? `<details><summary>Traces</summary>\n\n${fence(clip(entry.tree, TREE_LINES))}</details>\n` : '',
    ].join('\n');
    if (length + section.length + 1 > MAX_LENGTH) {
      omitted++;
      continue;
    }
    parts.push(section);
    length += section.length + 1;
  }
  if (omitted > 0) parts.push(`… ${omitted} more failed test${omitted === 1 ? '' : 's'} left out (size limit).\n`);
  return parts.join('\n');
}

/** A fenced code block longer than any run of backticks inside, so the content cannot close it. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}text\n${text}\n${marks}\n`;
}

function clip(text: string, lines: number): string {
  const all = text.replace(/\s+$/, '').split('\n');
  return all.length <= lines ? all.join('\n') : `${all.slice(0, lines).join('\n')}\n… ${all.length - lines} more lines`;
}

function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (char) => `\\${char}`);
}
