// Measures the mutation score of the unit tests over the core source directories: `npm run mutation`.
// See the README's "Mutation score" section for what is mutated, how mutants are judged and how to read the result.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { importGraph, nameIndex, relatedTests } from './importGraph.ts';
import { applyMutant, findMutants, type Mutant } from './operators.ts';
import { runTests, stopRunningTests } from './runMutant.ts';
import { allMutants, MUTATED_DIRECTORIES, shuffled, stratifiedSample } from './sample.ts';
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
    tests: { type: 'string' },
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
// --only=part1,part2: the mutants whose id contains one of the parts (to re-run survivors after adding tests).
const chosen = sample.mutants.filter(
  (mutant) => values.only === undefined || values.only.split(',').some((part) => mutant.id.includes(part)),
);
const graph = importGraph(root);
const names = nameIndex(root, graph);
const sources = new Map<string, string>();
const source = (file: string) =>
  sources.get(file) ?? sources.set(file, readFileSync(join(root, file), 'utf8')).get(file) ?? '';
// After the sources changed, a drawn mutant is found again by its operator and text nearest to where it was (it
// keeps its id, so the list of equivalent mutants still applies); one whose text is gone is dropped, and said so.
function relocate(mutant: Mutant): Mutant | undefined {
  const text = source(mutant.file);
  if (text.slice(mutant.start, mutant.end) === mutant.original) return mutant;
  const same = findMutants(mutant.file, text).filter(
    (other) =>
      other.operator === mutant.operator &&
      other.original === mutant.original &&
      other.replacement === mutant.replacement,
  );
  const nearest = same.sort((a, b) => Math.abs(a.start - mutant.start) - Math.abs(b.start - mutant.start))[0];
  return nearest === undefined ? undefined : { ...nearest, id: mutant.id };
}
const mutated = chosen.flatMap((drawn) => {
  const mutant = existsSync(join(root, drawn.file)) ? relocate(drawn) : undefined;
  if (mutant === undefined) console.log(`dropped (its code is gone from the sources): ${drawn.id}`);
  return mutant === undefined ? [] : [{ mutant, code: applyMutant(source(mutant.file), mutant) }];
});

mkdirSync(reportDir, { recursive: true });
const timeoutMs = Number(values.timeout ?? '300') * 1000;

// A test file that fails on the unchanged sources would make every mutant look killed. Each file that fails under
// a mutant is therefore run once on the unchanged sources (then remembered); a file that fails there too is left out.
const passesUnmutated = new Map<string, boolean>();
const brokenWithoutMutant = new Set<string>();
async function killedBy(files: readonly string[]): Promise<boolean> {
  for (const file of files) {
    if (!passesUnmutated.has(file)) {
      const outcome = await runTests({ root, tests: [file], timeoutMs, bail: false });
      passesUnmutated.set(file, outcome.status === 'passed');
      if (outcome.status !== 'passed') {
        brokenWithoutMutant.add(file);
        console.log(`  left out (fails without a mutant too): ${file}`);
      }
    }
    if (passesUnmutated.get(file) === true) return true;
  }
  return false;
}

// Mutants run in a seeded shuffled order, so the results of an interrupted run are a fair subsample.
const queue = shuffled(mutated, sample.seed);
const started = Date.now();
const results: MutantResult[] = [];
function report(): void {
  const summary = summarize(results, (file) => source(file).split('\n'));
  console.log(`\n${summary.text}`);
  for (const file of brokenWithoutMutant) console.log(`left out, failing without a mutant: ${file}`);
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(
    `\n${results.length} of ${sample.mutants.length} mutants in ${minutes} min (sampled from ${sample.candidates}, seed ${sample.seed})`,
  );
}
// Stopped early (Ctrl-C): the mutants done so far are a seeded random subsample; report them.
process.once('SIGINT', () => {
  stopRunningTests();
  console.log('\ninterrupted');
  report();
  process.exit(130);
});
for (const [index, { mutant, code }] of queue.entries()) {
  const tests = () =>
    (values.tests?.split(',') ?? relatedTests(graph, mutant.file, names)).filter(
      (test) => !brokenWithoutMutant.has(test),
    );
  const label = `[${index + 1}/${mutated.length}] ${mutant.id}`;
  let result: MutantResult;
  const reason = equivalent.get(mutant.id);
  const errors = syntaxErrors(mutant.file, code);
  if (reason !== undefined) result = { mutant, status: 'equivalent', detail: reason, tests: 0, milliseconds: 0 };
  else if (errors.length > 0)
    result = { mutant, status: 'excluded', detail: errors.join('; '), tests: 0, milliseconds: 0 };
  else if (tests().length === 0)
    result = { mutant, status: 'no tests', detail: 'no unit test imports this file', tests: 0, milliseconds: 0 };
  else {
    let outcome = await runTests({ root, tests: tests(), mutant: { file: mutant.file, code }, timeoutMs, bail: true });
    // Failed only in files that fail without the mutant too: run again without them.
    while (outcome.failedFiles.length > 0 && !(await killedBy(outcome.failedFiles)) && tests().length > 0) {
      outcome = await runTests({ root, tests: tests(), mutant: { file: mutant.file, code }, timeoutMs, bail: true });
    }
    const status =
      outcome.status === 'timeout'
        ? 'timeout'
        : outcome.status === 'passed' || tests().length === 0
          ? 'survived'
          : 'killed';
    const detail =
      outcome.status === 'failed' && outcome.failedFiles.length === 0
        ? 'the test run crashed'
        : outcome.failedFiles.join(', ');
    result = { mutant, status, detail, tests: tests().length, milliseconds: outcome.milliseconds };
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
