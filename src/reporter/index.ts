export type { TracesArtifact } from '../vitest/TracesArtifact.ts';
export { type SavedTraces, TracespecReporter, type TracespecReporterOptions } from './TracespecReporter.ts';
