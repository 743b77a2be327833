import type { TestSequencer, TestSpecification } from 'vitest/node';

/** Environment variable holding the test files of a mutant run, nearest to the mutated file first, as JSON. */
export const ORDER_ENV = 'TRACESPEC_MUTANT_ORDER';

/** Runs test files in the order the mutation runner chose (the tests closest to the mutated file first). */
export class OrderedSequencer implements TestSequencer {
  shard(files: TestSpecification[]): TestSpecification[] {
    return files;
  }

  sort(files: TestSpecification[]): TestSpecification[] {
    const order: readonly string[] = JSON.parse(process.env[ORDER_ENV] ?? '[]');
    const rank = (file: TestSpecification) => {
      const at = order.findIndex((name) => file.moduleId.endsWith(name));
      return at === -1 ? order.length : at;
    };
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}
