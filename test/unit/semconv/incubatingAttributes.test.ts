import * as incubating from '@opentelemetry/semantic-conventions/incubating';
import { expect, test } from 'vitest';
import * as kept from '../../../src/check/compliance/semconv/incubatingAttributes.ts';

test('the incubating attribute names kept in tracespec are the ones the semantic-conventions package exports', () => {
  const published = new Map<string, unknown>(Object.entries(incubating));
  const names = Object.entries(kept);
  expect(names.length).toBeGreaterThan(30);
  for (const [name, value] of names) expect({ name, value }).toEqual({ name, value: published.get(name) });
});

test('no module of tracespec loads the incubating entry of the semantic conventions (~800 KB, loaded per test file)', async () => {
  const { readdir, readFile } = await import('node:fs/promises');
  const root = new URL('../../../src/', import.meta.url);
  const files = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.ts'));
  const loading = [];
  for (const file of files) {
    if (/from '@opentelemetry\/semantic-conventions\/incubating'/.test(await readFile(new URL(file, root), 'utf8'))) {
      loading.push(file);
    }
  }
  expect(loading).toEqual([]);
});
