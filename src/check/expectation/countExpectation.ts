/**
 * How many matching spans a matcher expects. The default is "at least one".
 *
 * @example
 * expect(traces).toHaveSpan({ name: 'SELECT' }, { times: 1 });
 * expect(traces).toHaveSpan({ kind: 'client' }, { atLeast: 2, atMost: 3 });
 */
export interface CountOptions {
  readonly times?: number;
  readonly atLeast?: number;
  readonly atMost?: number;
}

/** Validates count options, with an error that names the bad option. */
export function validateCountOptions(options: CountOptions, matcher: string): void {
  for (const key of ['times', 'atLeast', 'atMost'] as const) {
    const value = options[key];
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw new TypeError(
        `[tracespec] ${matcher}(): option \`${key}\` must be a whole number >= 0, got ${String(value)}.`,
      );
    }
  }
  if (options.times !== undefined && (options.atLeast !== undefined || options.atMost !== undefined)) {
    throw new TypeError(`[tracespec] ${matcher}(): use either \`times\` or \`atLeast\`/\`atMost\`, not both.`);
  }
}

/** True when `count` satisfies the options. */
export function countSatisfies(count: number, options: CountOptions): boolean {
  if (options.times !== undefined) return count === options.times;
  const atLeast = options.atLeast ?? (options.atMost === undefined ? 1 : 0);
  return count >= atLeast && (options.atMost === undefined || count <= options.atMost);
}

/** "at least 1", "exactly 2", "between 1 and 3", "at most 0" */
export function describeCount(options: CountOptions): string {
  if (options.times !== undefined) return `exactly ${options.times}`;
  const atLeast = options.atLeast ?? (options.atMost === undefined ? 1 : 0);
  if (options.atMost === undefined) return `at least ${atLeast}`;
  if (atLeast === 0) return `at most ${options.atMost}`;
  return `between ${atLeast} and ${options.atMost}`;
}

/** True for the default expectation (at least one), where the count need not be spelled out. */
export function isDefaultCount(options: CountOptions): boolean {
  return options.times === undefined && options.atMost === undefined && (options.atLeast ?? 1) === 1;
}
