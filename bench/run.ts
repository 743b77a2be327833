import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import type { BenchResults, RowResult } from './Row.ts';
import { renderTable, updateReadme } from './readme.ts';
import { rows } from './rows.ts';

// `npm run bench`: every row measured against its anchor in this one process run; one table, also as JSON, and
// the README's Performance table generated from it. `npm run bench -- 3b ingest` runs only the rows named (by a
// name below or an id they produce) and prints them, leaving results.json and the README to full runs.

// What tracespec owns in this run: its container rows start containers with testcontainers, and this machine has
// no image registry for the Ryuk reaper (tracespec removes what it starts by its labels). A local engine is
// reached on the loopback address; testcontainers would otherwise guess the bridge gateway when it believes it
// runs in a container. Set before any row loads testcontainers; a value the user gave wins.
process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
if (!process.env.DOCKER_HOST || process.env.DOCKER_HOST.startsWith('unix://')) {
  process.env.TESTCONTAINERS_HOST_OVERRIDE ??= '127.0.0.1';
}

const filter = process.argv.slice(2);
const selected = filter.length === 0 ? rows : rows.filter((r) => filter.some((f) => f === r.name || r.ids.includes(f)));
if (selected.length === 0) {
  console.error(`[bench] no row matches ${filter.join(' ')}; rows: ${rows.map((r) => r.name).join(', ')}`);
  process.exit(2);
}

const results: RowResult[] = [];
for (const entry of selected) {
  process.stderr.write(`[bench] ${entry.name}...\n`);
  try {
    results.push(...(await (await entry.load())()));
  } catch (error) {
    // A row that cannot run (an anchor that would not install or start, after its retries) is reported as such;
    // the other rows still run and the table says which one failed and why.
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`[bench] ${entry.name} failed: ${error instanceof Error ? error.stack : reason}\n`);
    for (const id of entry.ids) {
      results.push({
        id,
        what: entry.name,
        anchor: '-',
        ratio: Number.NaN,
        target: '-',
        met: false,
        whyShort: `the row failed in this run: ${reason}`,
        figures: {},
      });
    }
  }
}

console.log(renderTable(results));
console.log('\nFigures behind the ratios:');
for (const r of results) console.log(`  ${r.id} ${JSON.stringify(r.figures)}`);

if (selected.length === rows.length) {
  const run: BenchResults = {
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      cores: availableParallelism(),
      cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
      memoryGiB: Math.round(totalmem() / 1024 ** 3),
      platform: `${process.platform} ${process.arch}`,
    },
    results,
  };
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(run, null, 2)}\n`);
  const readme = new URL('../README.md', import.meta.url);
  writeFileSync(readme, updateReadme(readFileSync(readme, 'utf8'), run));
  console.log('\nwritten to bench/results.json and the Performance table of README.md');
} else {
  console.log('\n(a filtered run: bench/results.json and README.md are left as the last full run wrote them)');
}
