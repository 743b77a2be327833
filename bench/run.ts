import { writeFileSync } from 'node:fs';
import type { Row, RowResult } from './Row.ts';
import { containers } from './rows/containers.ts';
import { htmlReport } from './rows/htmlReport.ts';
import { ingest } from './rows/ingest.ts';
import { jaeger } from './rows/jaeger.ts';
import { memory } from './rows/memory.ts';
import { query } from './rows/query.ts';
import { recording } from './rows/recording.ts';
import { snapshot } from './rows/snapshot.ts';
import { treeBuild } from './rows/treeBuild.ts';
import { waiting } from './rows/waiting.ts';

// `npm run bench`: every row measured against its anchor in this one process run; one table, also as JSON.
const rows: [string, Row][] = [
  ['recording', recording],
  ['memory', memory],
  ['query', query],
  ['tree build', treeBuild],
  ['ingest', ingest],
  ['jaeger', jaeger],
  ['snapshot', snapshot],
  ['waiting', waiting],
  ['containers', containers],
  ['html report', htmlReport],
];

const results: RowResult[] = [];
for (const [name, row] of rows) {
  process.stderr.write(`[bench] ${name}...\n`);
  results.push(...(await row()));
}

const table = [
  '| # | what | anchor | ratio | target | met |',
  '| --- | --- | --- | --- | --- | --- |',
  ...results.map(
    (r) =>
      `| ${r.id} | ${r.what} | ${r.anchor} | ${r.ratio}${r.unit === undefined ? 'x' : ` ${r.unit}`} | ${r.target} | ${r.met ? 'yes' : 'NO'} |`,
  ),
].join('\n');
console.log(table);
console.log('\nFigures behind the ratios:');
for (const r of results) console.log(`  ${r.id} ${JSON.stringify(r.figures)}`);
const file = new URL('./results.json', import.meta.url);
writeFileSync(file, `${JSON.stringify({ node: process.version, date: new Date().toISOString(), results }, null, 2)}\n`);
console.log(`\nwritten to bench/results.json`);
