// Public entry `tracespec/reporter`: the vitest reporter that lists failed tests' traces, and the file writer it
// and the test workers share.
export type { TracesArtifact } from './TracesArtifact.ts';
export { type SavedTraces, TracespecReporter, type TracespecReporterOptions } from './TracespecReporter.ts';
export { type TraceFiles, writeTraceFiles } from './writeTraceFiles.ts';
