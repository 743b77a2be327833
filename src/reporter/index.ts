// Public entry `tracespec/reporter`: the vitest reporter that writes failed tests' traces (text tree, OTLP/JSON,
// the HTML page and the run's index and summary), and the builders it uses, for scripts and other reporters.
export { buildIndexPage, type IndexEntry } from '../render/html/buildIndexPage.ts';
export { buildTracePage } from '../render/html/buildTracePage.ts';
export type { FailureInput, PageOptions, TracePageInput } from '../render/html/TracePageInput.ts';
export { renderMarkdownSummary, type SummaryEntry } from '../render/renderMarkdownSummary.ts';
export { reportRedactions } from '../snapshot/reportRedactions.ts';
export type { FailedTest } from './FailedTest.ts';
export type { ReportSettings, TracesArtifact } from './TracesArtifact.ts';
export { type SavedTraces, TracespecReporter, type TracespecReporterOptions } from './TracespecReporter.ts';
export { type TraceFiles, writeTraceFiles } from './writeTraceFiles.ts';
export { writeTracePage } from './writeTracePage.ts';
