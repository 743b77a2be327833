/**
 * The most bytes (UTF-8) a failure message holds, 20 KB: enough for a tree of a few hundred spans. Bytes, not
 * characters: a tree's drawing characters take three bytes each.
 */
export const MESSAGE_BUDGET = 20_000;
/** The longest single line kept whole (a huge value or description is cut inside the line). */
const LINE_BUDGET = 2_000;

/**
 * Fits a message into `budget` bytes of UTF-8. Under the budget it is returned as it is. Over it, the head (the
 * part before the first blank line: Expected / Received and what differed) is kept, and the sections after it
 * (candidates, the tree, lists) share the rest: a small section stays whole, the large ones split what is left
 * evenly. Each cut section keeps its first lines and says how many it left out; the message ends by saying how much
 * was left out in all.
 *
 * @example
 * fitMessage(hugeMessage); // at most about 20 KB, with '… 5,123 more lines (512 KB) left out'
 */
export function fitMessage(text: string, budget = MESSAGE_BUDGET): string {
  if (Buffer.byteLength(text) <= budget) return text;
  const [head = [], ...sections] = text.split('\n\n').map((section) => section.split('\n'));
  const left = { lines: 0, bytes: 0 };
  // The head (Expected / Received and the details under them) may take half; the sections share the rest.
  const keptHead = cut(head, Math.min(size(head), Math.floor(budget / 2)), left);
  let room = budget - size(keptHead) - 2 * sections.length - 200;
  const allowance = new Map<number, number>();
  const order = sections.map((lines, i) => ({ i, length: size(lines) })).sort((a, b) => a.length - b.length);
  for (const [k, { i, length }] of order.entries()) {
    const given = Math.min(length, Math.max(0, Math.floor(room / (order.length - k))));
    allowance.set(i, given);
    room -= given;
  }
  const kept = sections.map((lines, i) => cut(lines, allowance.get(i) ?? 0, left));
  const note =
    `[tracespec] This message was cut to fit ${kilobytes(budget)}: ${count(left.lines, 'line')}` +
    ` (${kilobytes(left.bytes)}) were left out.`;
  return [keptHead, ...kept, [note]].map((lines) => lines.join('\n')).join('\n\n');
}

/** The first lines of a section that fit `limit` bytes (long lines cut), and a line saying what is left out. */
function cut(lines: readonly string[], limit: number, left: { lines: number; bytes: number }): string[] {
  if (size(lines) <= limit && lines.every((line) => line.length <= LINE_BUDGET)) return [...lines];
  const out: string[] = [];
  let used = 0;
  for (const line of lines) {
    const fitted =
      line.length <= LINE_BUDGET
        ? line
        : `${line.slice(0, LINE_BUDGET)}… (${count(line.length - LINE_BUDGET, 'more character')})`;
    const bytes = Buffer.byteLength(fitted);
    if (used + bytes + 1 > limit - 80) break;
    if (fitted !== line) left.bytes += Buffer.byteLength(line) - Buffer.byteLength(line.slice(0, LINE_BUDGET));
    out.push(fitted);
    used += bytes + 1;
  }
  const rest = lines.slice(out.length);
  if (rest.length > 0) {
    left.lines += rest.length;
    left.bytes += size(rest);
    out.push(`  … ${count(rest.length, 'more line')} (${kilobytes(size(rest))}) left out`);
  }
  return out;
}
/** Bytes of the lines joined by newlines. */
function size(lines: readonly string[]): number {
  let total = 0;
  for (const line of lines) total += Buffer.byteLength(line) + 1;
  return Math.max(0, total - 1);
}

function count(n: number, what: string): string {
  return `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;
}

function kilobytes(bytes: number): string {
  return bytes < 1000 ? `${bytes} bytes` : `${Math.round(bytes / 1000).toLocaleString('en-US')} KB`;
}
