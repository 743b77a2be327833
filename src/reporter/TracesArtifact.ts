import type { TestArtifactBase } from 'vitest';

/**
 * What tracespec records on a failed test's result (a vitest test artifact): where that test's traces were saved.
 * Reporters read it from `testCase.artifacts()`.
 *
 * @example
 * const saved = testCase.artifacts().filter((artifact) => artifact.type === 'tracespec:traces');
 * for (const artifact of saved) console.log(artifact.otlpJson);
 */
export interface TracesArtifact extends TestArtifactBase {
  readonly type: 'tracespec:traces';
  /** Absolute path of the OTLP/JSON file. */
  readonly otlpJson: string;
  /** Absolute path of the text tree. */
  readonly text: string;
  /** How many traces and spans the files hold. */
  readonly traces: number;
  readonly spans: number;
}

declare module 'vitest' {
  interface TestArtifactRegistry {
    'tracespec:traces': TracesArtifact;
  }
  interface ProvidedContext {
    /** The folder where failed tests' traces go; set by tracespec's reporter. */
    'tracespec:artifacts': string;
  }
}
