// Measures the mutation score of the unit tests over the core source directories: `npm run mutation`.
// See scripts/mutation/README.md for what is mutated, how mutants are judged and how to read the result.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { importGraph, relatedTests } from './importGraph.ts';
import { applyMutant, type Mutant } from './operators.ts';
import { runTests } from './runMutant.ts';
import { allMutants, MUTATED_DIRECTORIES, stratifiedSample } from './sample.ts';
import { type MutantResult, summarize } from './score.ts';
import { syntaxErrors } from './syntaxCheck.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const samplePath = join(root, 'scripts/mutation/sample.json');
const equivalentPath = join(root, 'scripts/mutation/equivalent.json');
const reportDir = join(root, '.tracespec/mutation');

const { values } = parseArgs({
  options: {
    resample: { type: 'boolean', default: false },
    size: { type: 'string', default: '200' },
    seed: { type: 'string', default: '16' },
    only: { type: 'string' },
    timeout: { type: 'string' },
  },
});

interface Sample {
  readonly seed: number;
  readonly size: number;
  readonly candidates: number;
  readonly mutants: readonly Mutant[];
}

function sourceFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(`${dir}/${entry.name}`) : entry.name.endsWith('.ts') ? [`${dir}/${entry.name}`] : [],
    );
  return MUTATED_DIRECTORIES.flatMap((dir) => walk(`src/${dir}`));
}

function drawSample(): Sample {
  const seed = Number(values.seed);
  const size = Number(values.size);
  const all = allMutants(root, sourceFiles());
  const sample: Sample = { seed, size, candidates: all.length, mutants: stratifiedSample(all, size, seed) };
  writeFileSync(samplePath, `${JSON.stringify(sample, null, 2)}\n`);
  console.log(
    `drew ${sample.mutants.length} of ${all.length} mutants (seed ${seed}) into scripts/mutation/sample.json`,
  );
  return sample;
}

const sample: Sample = values.resample ? drawSample() : JSON.parse(readFileSync(samplePath, 'utf8'));
const equivalent: ReadonlyMap<string, string> = new Map(
  (JSON.parse(readFileSync(equivalentPath, 'utf8')) as { id: string; reason: string }[]).map((entry) => [
    entry.id,
    entry.reason,
  ]),
);
const chosen = sample.mutants.filter((mutant) => values.only === undefined || mutant.id.includes(values.only));
const graph = importGraph(root);
const sources = new Map<string, string>();
const source = (file: string) =>
  sources.get(file) ?? sources.set(file, readFileSync(join(root, file), 'utf8')).get(file) ?? '';
const mutated = chosen.map((mutant) => ({ mutant, code: applyMutant(source(mutant.file), mutant) }));

// The related tests must pass on the unchanged sources, or every mutant would look killed.
const union = [...new Set(chosen.flatMap((mutant) => relatedTests(graph, mutant.file)))].sort();
mkdirSync(reportDir, { recursive: true });
const baselineReport = join(reportDir, 'baseline.json');
console.log(`baseline: ${union.length} unit test files on the unchanged sources`);
const baseline =
  union.length === 0
    ? { status: 'passed' as const, milliseconds: 0, output: '' }
    : await runTests({ root, tests: union, timeoutMs: 30 * 60_000, bail: false, reportFile: baselineReport });
const failing = new Set<string>(
  baseline.status === 'passed'
    ? []
    : (
        JSON.parse(readFileSync(baselineReport, 'utf8')) as { testResults: { name: string; status: string }[] }
      ).testResults
        .filter((result) => result.status !== 'passed')
        .map((result) => result.name.slice(root.length)),
);
if (baseline.status === 'timeout' || (baseline.status === 'failed' && failing.size === 0)) {
  console.error(`[tracespec] mutation: the baseline run did not finish cleanly:\n${baseline.output}`);
  process.exit(2);
}
for (const file of failing) console.log(`  left out (fails without a mutant): ${file}`);
const timeoutMs = Number(values.timeout ?? '300') * 1000;
console.log(
  `baseline took ${(baseline.milliseconds / 1000).toFixed(0)} s; a mutant run times out after ${timeoutMs / 1000} s\n`,
);

const started = Date.now();
const results: MutantResult[] = [];
for (const [index, { mutant, code }] of mutated.entries()) {
  const tests = relatedTests(graph, mutant.file).filter((test) => !failing.has(test));
  const label = `[${index + 1}/${mutated.length}] ${mutant.id}`;
  let result: MutantResult;
  const reason = equivalent.get(mutant.id);
  const errors = syntaxErrors(mutant.file, code);
  if (reason !== undefined)
    result = { mutant, status: 'equivalent', detail: reason, tests: tests.length, milliseconds: 0 };
  else if (errors.length > 0)
    result = { mutant, status: 'excluded', detail: errors.join('; '), tests: 0, milliseconds: 0 };
  else if (tests.length === 0)
    result = { mutant, status: 'no tests', detail: 'no unit test imports this file', tests: 0, milliseconds: 0 };
  else {
    const outcome = await runTests({ root, tests, mutant: { file: mutant.file, code }, timeoutMs, bail: true });
    const status = outcome.status === 'passed' ? 'survived' : outcome.status === 'timeout' ? 'timeout' : 'killed';
    result = { mutant, status, detail: '', tests: tests.length, milliseconds: outcome.milliseconds };
  }
  results.push(result);
  writeFileSync(join(reportDir, 'report.json'), `${JSON.stringify({ sample, results }, null, 2)}\n`);
  console.log(
    `${label}: ${result.status}${result.milliseconds > 0 ? ` (${(result.milliseconds / 1000).toFixed(1)} s, ${result.tests} files)` : ''}`,
  );
}

const summary = summarize(results, (file) => source(file).split('\n'));
console.log(`\n${summary.text}`);
console.log(
  `\n${results.length} mutants in ${((Date.now() - started) / 60_000).toFixed(1)} min (sample of ${sample.mutants.length} from ${sample.candidates}, seed ${sample.seed})`,
);
