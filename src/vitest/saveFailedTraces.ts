import { join, resolve } from 'node:path';
import { inject, type RunnerTestCase, recordArtifact } from 'vitest';
import type { TraceSet } from '../model/TraceSet.ts';
import type { TracesArtifact } from '../reporter/TracesArtifact.ts';
import { writeTraceFiles } from '../reporter/writeTraceFiles.ts';

/**
 * Internal: when a test failed, writes its traces to the artifacts folder and records the paths on the test
 * result. Runs in the test worker, where the spans are, before they are forgotten. Does nothing without a folder
 * (set by `TracespecReporter`, or `TRACESPEC_ARTIFACTS_DIR`) or without spans.
 */
export async function saveFailedTraces(task: RunnerTestCase, set: TraceSet): Promise<TracesArtifact | undefined> {
  const dir = artifactsDir();
  if (dir === undefined || set.size === 0) return undefined;
  const files = await writeTraceFiles(set, join(resolve(dir), baseName(task)));
  // An annotation cannot be added once the test has failed (vitest refuses), an artifact can.
  return recordArtifact(task, {
    type: 'tracespec:traces',
    otlpJson: files.otlpJson,
    text: files.text,
    traces: set.size,
    spans: set.spans.length,
  });
}

function artifactsDir(): string | undefined {
  let provided: string | undefined;
  try {
    provided = inject('tracespec:artifacts');
  } catch {
    // Outside a vitest worker: only the environment variable can name the folder.
  }
  return provided ?? process.env.TRACESPEC_ARTIFACTS_DIR ?? undefined;
}

/** `[<project>/]<test file>/<suite - test>[-retry-n]`, with only characters every file system accepts. */
function baseName(task: RunnerTestCase): string {
  const retry = task.result?.retryCount ? `-retry-${task.result.retryCount}` : '';
  const file = task.file.name.replace(/\.[cm]?[jt]sx?$/, '');
  // The same file can run in several projects (e.g. two environments): keep their files apart.
  const project = task.file.projectName ? [safe(task.file.projectName)] : [];
  return join(...project, safe(file), `${safe(task.fullTestName ?? task.name)}${retry}`);
}

function safe(name: string): string {
  return name
    .replace(/ > /g, ' - ')
    .replace(/[^\w.\- ]+/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
}
