import { access } from 'node:fs/promises';

/** The renderings the reporter writes beside a failed test's `.otlp.json` (`.trace.txt`: older reporters' tree). */
const RENDERINGS = ['.tree.txt', '.trace.txt', '.html'] as const;

/**
 * The data file behind a rendering the reporter wrote: for `<base>.tree.txt` or `<base>.html`, the
 * `<base>.otlp.json` beside it when there is one; otherwise the path itself. `show` and `diff` read that.
 *
 * @example
 * await dataFileOf('test-results/traces/checkout/fails.tree.txt'); // '…/fails.otlp.json'
 */
export async function dataFileOf(path: string): Promise<string> {
  const rendering = RENDERINGS.find((ending) => path.endsWith(ending));
  if (rendering === undefined) return path;
  const data = `${path.slice(0, -rendering.length)}.otlp.json`;
  try {
    await access(data);
    return data;
  } catch {
    return path;
  }
}
