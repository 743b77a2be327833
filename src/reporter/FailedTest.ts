import type { TracesArtifact } from './TracesArtifact.ts';

/**
 * A failed test as the reporter collected it: name, file, messages, and the traces it saved (when it recorded
 * spans).
 *
 * @example
 * for (const failed of reporter.failed) console.log(failed.test, failed.artifact?.html ?? 'no spans');
 */
export interface FailedTest {
  /** The test's full name, `suite > test`. */
  readonly test: string;
  /** The test file, relative to the vitest root. */
  readonly file: string;
  readonly project?: string;
  /** The failures' messages (ANSI colours removed). */
  readonly message: string;
  readonly artifact?: TracesArtifact;
}
