// `npm run bench:readme`: rewrites the README's Performance table from bench/results.json (after a merge, say),
// without measuring anything.
import { readFileSync, writeFileSync } from 'node:fs';
import type { BenchResults } from './Row.ts';
import { updateReadme } from './readme.ts';

const run = JSON.parse(readFileSync(new URL('./results.json', import.meta.url), 'utf8')) as BenchResults;
const readme = new URL('../README.md', import.meta.url);
writeFileSync(readme, updateReadme(readFileSync(readme, 'utf8'), run));
console.log('README.md: Performance table rewritten from bench/results.json');
