import { readFile } from 'node:fs/promises';
import type { PageData } from '../../src/render/html/PageModel.ts';

/** The data a trace page embeds, read back from the HTML. */
export function pageDataOf(html: string): PageData {
  const match = /<script type="application\/json" id="tracespec-data">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no tracespec-data element in the page');
  return JSON.parse(match[1] as string) as PageData;
}

/** The data of the trace page at `path`. */
export async function readPageData(path: string): Promise<PageData> {
  return pageDataOf(await readFile(path, 'utf8'));
}
