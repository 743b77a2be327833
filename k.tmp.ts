import { writeFileSync } from 'node:fs';
import { knownPage } from './test/support/knownTrace.ts';
import { buildTracePage } from './src/render/html/buildTracePage.ts';
const input = knownPage();
console.log(input.failures?.[0]?.message, JSON.stringify(input.failures?.[0]?.marks));
writeFileSync('/tmp/known.html', buildTracePage(input));
