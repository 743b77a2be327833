import type { TestArtifactBase } from 'vitest';
import type { SerializedRedactionRule } from './serializedRedactions.ts';

/**
 * What tracespec records on a failed test's result (a vitest test artifact): where that test's traces were saved.
 * Reporters read it from `testCase.artifacts()`. Its attachment is the HTML page (vitest copies it into its
 * attachments folder; tracespec's reporter links it from the test's annotations, which vitest's UI shows).
 *
 * @example
 * const saved = testCase.artifacts().filter((artifact) => artifact.type === 'tracespec:traces');
 * for (const artifact of saved) console.log(artifact.html);
 */
export interface TracesArtifact extends TestArtifactBase {
  readonly type: 'tracespec:traces';
  /** Absolute path of the OTLP/JSON file. */
  readonly otlpJson: string;
  /** Absolute path of the text tree. */
  readonly text: string;
  /** Absolute path of the HTML page (waterfall, service map, the failure's marks). */
  readonly html: string;
  /**
   * The same three files relative to the output folder, with `/` separators: what an index links to, also after
   * `vitest --merge-reports` on another machine.
   */
  readonly relative: { readonly otlpJson: string; readonly text: string; readonly html: string };
  /** How many traces and spans the files hold. */
  readonly traces: number;
  readonly spans: number;
  /** The traces as a short text tree with the failure's marks, for CI summaries. */
  readonly tree: string;
}

/**
 * What tracespec's reporter tells the test workers, besides the folder.
 *
 * @example
 * vitest.provide('tracespec:report', { redact: serializeRedactions(reportRedactions), index: true });
 */
export interface ReportSettings {
  /** The redaction rules for everything written. */
  readonly redact: readonly SerializedRedactionRule[];
  /** True when the reporter writes `index.html` into the folder (the pages then link to it). */
  readonly index: boolean;
}

declare module 'vitest' {
  interface TestArtifactRegistry {
    'tracespec:traces': TracesArtifact;
  }
  interface ProvidedContext {
    /** The folder where failed tests' traces go; set by tracespec's reporter. */
    'tracespec:artifacts': string;
    /** How tracespec's reporter wants the files written. */
    'tracespec:report': ReportSettings;
  }
}
