import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { buildTracePage } from '../render/html/buildTracePage.ts';
import type { PageOptions, TracePageInput } from '../render/html/TracePageInput.ts';

/**
 * Writes a trace page (see `buildTracePage`) to `path`, creating the folder.
 *
 * @example
 * await writeTracePage('artifacts/checkout.html', { title: 'checkout', traces: set });
 */
export async function writeTracePage(path: string, input: TracePageInput, options: PageOptions = {}): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, buildTracePage(input, options));
  return path;
}
