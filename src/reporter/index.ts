export type { ReportSettings, TracesArtifact } from '../vitest/TracesArtifact.ts';
export type { FailedTest } from './FailedTest.ts';
export { type SavedTraces, TracespecReporter, type TracespecReporterOptions } from './TracespecReporter.ts';
