import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildPackage } from '../../scripts/build.ts';
import { median } from '../measure.ts';
import { type Row, type RowResult, round } from '../Row.ts';
import { generateSuite, removeSuites, type SuiteShape, type SuiteSide } from '../suites/generateSuite.ts';

const ROUNDS = 3;
const TARGET = 1.1;
const require = createRequire(import.meta.url);
const vitestCli = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');

interface Variant {
  readonly id: string;
  readonly what: string;
  readonly shape: SuiteShape;
}

const variants: readonly Variant[] = [
  {
    id: '12a',
    what: 'suite of 1,000 tests, 20 http spans each (wall time)',
    shape: { tests: 1_000, perFile: 100, concurrent: false },
  },
  {
    id: '12b',
    what: 'suite of 200 test.concurrent tests, 20 http spans each (wall time)',
    shape: { tests: 200, perFile: 100, concurrent: true },
  },
];

/**
 * Rows 12a-b: the wall time of a vitest run (`vitest run`, a process of its own, its workers included) of a suite
 * whose every test makes ten requests through the real http instrumentation to a local server (20 spans) and
 * checks that it sees its own 20 spans; with tracespec's fixture and `setupTracing` (the built package, loaded as
 * an installed dependency), vs the same suite with plain vitest and the same OpenTelemetry set-up with an
 * in-memory exporter. Runs alternate between the two sides; the row's first run of each side is a warm-up; each
 * run must pass every test (so both sides recorded the same spans).
 */
export const suiteOverhead: Row = async () => {
  // The tracespec side loads the package as a user installs it: the build in dist/, made now from the sources.
  process.stderr.write('[bench]   building dist/ (npm run build)\n');
  await buildPackage();
  const results: RowResult[] = [];
  try {
    for (const [i, variant] of variants.entries()) results.push(await measureVariant(variant, i === 0));
  } finally {
    removeSuites();
  }
  return results;
};

async function measureVariant(variant: Variant, warmUp: boolean): Promise<RowResult> {
  const folders: Record<SuiteSide, string> = {
    tracespec: generateSuite(`${variant.id}-tracespec`, 'tracespec', variant.shape),
    plain: generateSuite(`${variant.id}-plain`, 'plain', variant.shape),
  };
  const times: Record<SuiteSide, number[]> = { tracespec: [], plain: [] };
  for (let run = warmUp ? 0 : 1; run <= ROUNDS; run++) {
    const order: SuiteSide[] = run % 2 === 0 ? ['tracespec', 'plain'] : ['plain', 'tracespec'];
    for (const side of order) {
      process.stderr.write(`[bench]   ${variant.id} ${side} run ${run}${run === 0 ? ' (warm-up)' : ''}\n`);
      const ms = await runSuite(folders[side], variant.shape.tests);
      if (run > 0) times[side].push(ms);
    }
  }
  const ours = median(times.tracespec);
  const plain = median(times.plain);
  const ratio = ours / plain;
  const spread = (values: readonly number[]) =>
    `${Math.round(Math.min(...values))}..${Math.round(Math.max(...values))}`;
  return {
    id: variant.id,
    what: variant.what,
    anchor: 'the same suite, plain vitest + the same OTel SDK, instrumentation and in-memory exporter',
    ratio: round(ratio),
    target: `<= ${TARGET}x`,
    met: ratio <= TARGET,
    whyShort:
      'vitest runs each test file in a process of its own, and each one loads tracespec/vitest and runs ' +
      'setupTracing. The package is bundled now (a test file loads 17 of its files, not ~215) and no longer loads ' +
      "the semantic conventions' incubating entry (~800 KB); what is left per file is the import and tracespec's " +
      "set-up (the SDK, its propagators, the fixture) beside the plain suite's own SDK set-up. Timed inside the " +
      'workers before the bundling: ~0.3-0.5 s of import and ~0.2-0.3 s of set-up per file, ~0.25 s for the plain ' +
      'set-up; the tests themselves take the same time on both sides. Not tried yet: loading the matchers and ' +
      'renderers on first use.',
    figures: {
      'tracespec suite ms': Math.round(ours),
      'plain suite ms': Math.round(plain),
      'spread tracespec ms': spread(times.tracespec),
      'spread plain ms': spread(times.plain),
      tests: variant.shape.tests,
      'spans per test': 20,
    },
  };
}

/** Runs `vitest run` in the suite's folder; resolves with its wall time once every test has passed. */
async function runSuite(folder: string, tests: number): Promise<number> {
  const report = join(folder, 'report.json');
  const started = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [vitestCli, 'run', '--config', join(folder, 'vitest.config.ts'), '--reporter=json', `--outputFile=${report}`],
      { cwd: folder, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (exitCode) => {
      if (exitCode !== 0) process.stderr.write(errors.slice(-4000));
      resolve(exitCode);
    });
  });
  const elapsed = performance.now() - started;
  const summary = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numTotalTests: number };
  if (code !== 0 || summary.numPassedTests !== tests) {
    throw new Error(
      `[bench] the suite in ${folder} did not pass (exit ${code}, ${summary.numPassedTests} of ${tests} tests passed): ` +
        'both sides must record the same 20 spans per test',
    );
  }
  return elapsed;
}
