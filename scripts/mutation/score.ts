import type { Mutant } from './operators.ts';

/** What happened to one mutant. `timeout` counts as killed (the tests noticed: they hung or crashed). */
export interface MutantResult {
  readonly mutant: Mutant;
  readonly status: 'killed' | 'timeout' | 'survived' | 'no tests' | 'excluded' | 'equivalent';
  readonly detail: string;
  readonly tests: number;
  readonly milliseconds: number;
}

export interface Score {
  readonly killed: number;
  readonly timeouts: number;
  readonly survived: number;
  readonly noTests: number;
  readonly excluded: number;
  readonly equivalent: number;
  /** killed + timeouts over killed + timeouts + survived + noTests, in percent (NaN when nothing counted). */
  readonly percent: number;
}

/** The score of a set of results: excluded (does not parse) and listed equivalent mutants are left out. */
export function score(results: readonly MutantResult[]): Score {
  const count = (status: MutantResult['status']) => results.filter((result) => result.status === status).length;
  const killed = count('killed');
  const timeouts = count('timeout');
  const survived = count('survived');
  const noTests = count('no tests');
  const counted = killed + timeouts + survived + noTests;
  return {
    killed,
    timeouts,
    survived,
    noTests,
    excluded: count('excluded'),
    equivalent: count('equivalent'),
    percent: ((killed + timeouts) / counted) * 100,
  };
}

const line = (name: string, s: Score) =>
  `${name.padEnd(14)} ${s.percent.toFixed(1).padStart(5)}%  killed ${s.killed}, timeouts ${s.timeouts}, survived ${s.survived}, no tests ${s.noTests}, excluded ${s.excluded}, equivalent ${s.equivalent}`;

/** The score per source directory and overall, then every surviving mutant with its source line. */
export function summarize(
  results: readonly MutantResult[],
  lines: (file: string) => readonly string[],
): { readonly text: string; readonly overall: Score } {
  const directories = [...new Set(results.map((result) => result.mutant.file.split('/')[1] ?? ''))].sort();
  const overall = score(results);
  const rows = directories.map((dir) =>
    line(`src/${dir}/`, score(results.filter((result) => result.mutant.file.split('/')[1] === dir))),
  );
  const survivors = results
    .filter((result) => result.status === 'survived' || result.status === 'no tests')
    .map(({ mutant, status }) => {
      const text = (lines(mutant.file)[mutant.line - 1] ?? '').trim();
      return `  ${mutant.file}:${mutant.line}:${mutant.column}  ${mutant.operator}${status === 'no tests' ? ' (no test imports the file)' : ''}\n      ${text}\n      ${JSON.stringify(mutant.original.length > 80 ? `${mutant.original.slice(0, 77)}...` : mutant.original)} -> ${JSON.stringify(mutant.replacement.length > 80 ? `${mutant.replacement.slice(0, 77)}...` : mutant.replacement)}`;
    });
  const text = [
    'mutation score (killed + timeouts) / (killed + timeouts + survived + no tests):',
    ...rows,
    line('overall', overall),
    '',
    survivors.length === 0 ? 'no surviving mutants' : `surviving mutants (${survivors.length}):`,
    ...survivors,
  ].join('\n');
  return { text, overall };
}
