import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../seededRandom.ts';
import { findMutants, type Mutant } from './operators.ts';

/** The source directories whose mutation score is measured. */
export const MUTATED_DIRECTORIES = ['check', 'query', 'model', 'receive', 'propagation', 'snapshot', 'msw'] as const;

/** The items in a seeded random order (Fisher-Yates). */
export function shuffled<T>(items: readonly T[], seed: number): readonly T[] {
  const pool = [...items];
  const random = seededRandom(seed);
  for (let i = 0; i < pool.length - 1; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool;
}

/** `size` mutants drawn uniformly without replacement from `all`, in source order. */
export function sampleMutants(all: readonly Mutant[], size: number, seed: number): readonly Mutant[] {
  return shuffled(all, seed)
    .slice(0, size)
    .sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start);
}

/**
 * A sample stratified by source directory: each directory gets its share of `size` in proportion to its number of
 * mutants, but at least `minimum` (or all it has), so a small directory is measured too. Seeded, hence reproducible.
 */
export function stratifiedSample(all: readonly Mutant[], size: number, seed: number, minimum = 10): readonly Mutant[] {
  const directoryOf = (mutant: Mutant) => mutant.file.split('/').slice(0, 2).join('/');
  const directories = [...new Set(all.map(directoryOf))].sort();
  return directories.flatMap((directory, index) => {
    const own = all.filter((mutant) => directoryOf(mutant) === directory);
    const share = Math.max(minimum, Math.round((size * own.length) / all.length));
    return sampleMutants(own, share, seed + index);
  });
}

/** Every mutant of the measured directories' sources (`files` relative to `root`, in a fixed order). */
export function allMutants(root: string, files: readonly string[]): readonly Mutant[] {
  return [...files].sort().flatMap((file) => findMutants(file, readFileSync(join(root, file), 'utf8')));
}
