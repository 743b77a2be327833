// The files a failed test leaves: the reporter, and the builders it uses (for scripts and other reporters).
export { buildIndexPage, type IndexEntry } from '../render/html/buildIndexPage.ts';
export { buildTracePage } from '../render/html/buildTracePage.ts';
export type { FailureInput, PageOptions, TracePageInput } from '../render/html/TracePageInput.ts';
export { renderMarkdownSummary, type SummaryEntry } from '../render/renderMarkdownSummary.ts';
export { reportRedactions } from '../snapshot/reportRedactions.ts';
export type { ReportSettings, TracesArtifact } from '../vitest/TracesArtifact.ts';
export type { FailedTest } from './FailedTest.ts';
export { type SavedTraces, TracespecReporter, type TracespecReporterOptions } from './TracespecReporter.ts';
export { writeTracePage } from './writeTracePage.ts';
