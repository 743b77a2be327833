import fc from 'fast-check';

/**
 * Runs a fast-check property with a fixed budget (CI-sized `numRuns`), or replays one case: `FUZZ_SEED` and
 * `FUZZ_PATH` from a failure's message run exactly the case that failed. A failure's message says how.
 */
export async function fuzzRun<T>(
  property: fc.IAsyncPropertyWithHooks<T> | fc.IPropertyWithHooks<T>,
  numRuns: number,
  file: string,
): Promise<void> {
  const seed = process.env.FUZZ_SEED;
  const path = process.env.FUZZ_PATH;
  const replay = seed === undefined ? {} : { seed: Number(seed), ...(path === undefined ? {} : { path }) };
  const details = await fc.check(property as fc.IAsyncPropertyWithHooks<T>, { numRuns, ...replay });
  if (!details.failed) return;
  const rerun = `FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath ?? ''} npx vitest run --project unit ${file}`;
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`${fc.defaultReportMessage(details)}\n\nGot: ${error}\n\nReplay exactly this case: ${rerun}`, {
    cause: details.errorInstance,
  });
}
