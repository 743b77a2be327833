import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { bundlePageScript, PAGE_SCRIPT_FILE } from '../../../../scripts/buildPageScript.ts';

describe('the page script', () => {
  test('the committed bundle is what src/render/html/client builds to (run `npm run build:page` after a change)', async () => {
    expect(await readFile(PAGE_SCRIPT_FILE, 'utf8')).toBe(await bundlePageScript());
  });
});
